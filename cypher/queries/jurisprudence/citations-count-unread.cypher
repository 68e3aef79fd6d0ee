// How many recommendations `jurisprudence link` has to read (for its progress).
MATCH (r:Recommendation)
WHERE $all OR r.citationsRead IS NULL OR r.citationsRead <> $version
RETURN count(r) AS count
