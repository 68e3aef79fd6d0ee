MATCH (r:Recommendation)
WHERE r.textKey IS NULL
RETURN r.id AS id, r.mechanism AS mechanism, r.state AS state, r.cycle AS cycle, r.text AS text
LIMIT toInteger($limit)
