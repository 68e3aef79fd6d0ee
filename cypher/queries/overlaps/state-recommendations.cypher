// Everything the detector needs of one state's recommendations; `isNew` when not yet compared.
MATCH (r:Recommendation {state: $state})
RETURN r.id AS id, r.text AS text, r.language AS language, r.mechanism AS mechanism,
       r.cycle AS cycle, r.year AS year, r.documentSymbol AS source,
       ($full OR r.overlapDetector IS NULL OR r.overlapDetector <> $version) AS isNew
ORDER BY id
