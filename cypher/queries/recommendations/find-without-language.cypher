// Recommendations with no language, a page at a time after `after` (by id), for V0012 to guess.
MATCH (r:Recommendation)
WHERE r.language IS NULL AND r.id > $after
RETURN r.id AS id, r.text AS text
ORDER BY id
LIMIT toInteger($limit)
