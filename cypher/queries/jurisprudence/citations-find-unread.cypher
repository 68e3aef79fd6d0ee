// A page of recommendations whose citations were not read by this version of the reader (all
// of them with `$all`), by id after `$after`, with what reading them needs.
MATCH (r:Recommendation)
WHERE r.id > $after AND ($all OR r.citationsRead IS NULL OR r.citationsRead <> $version)
RETURN r.id AS id, r.text AS text, r.language AS language, r.mechanism AS mechanism
ORDER BY r.id
LIMIT toInteger($limit)
