// Everything the detector needs of one state's recommendations; `isNew` when not yet compared
// by this detector version. Those already compared come with their stored text analysis
// instead of their text; the vector's content key, for the caller to look the vector up.
MATCH (r:Recommendation {state: $state})
WITH r, ($full OR r.overlapDetector IS NULL OR r.overlapDetector <> $version) AS isNew
RETURN r.id AS id, r.language AS language, r.mechanism AS mechanism, r.cycle AS cycle,
       r.year AS year, r.documentSymbol AS source, isNew,
       CASE WHEN isNew OR r.overlapAnalysis IS NULL THEN r.text END AS text,
       CASE WHEN isNew THEN null ELSE r.overlapAnalysis END AS analysis,
       // The content key of its vector from $model (null: none yet, or lexical-only mode).
       CASE WHEN $model IS NOT NULL AND r.embeddingModel = $model THEN r.embeddingKey END AS embeddingKey
ORDER BY id
