// Links written before links named their sources get the sources of their recommendation
// (a page of recommendations at a time; returns how many it did).
MATCH (r:Recommendation)
WHERE EXISTS { (r)-[l:RECOMMENDED_BY|HAS_THEME|CONCERNS|SUPPORTS_SDG]->() WHERE l.sources IS NULL }
WITH r LIMIT toInteger($limit)
WITH r, [(r)-[:FROM_SOURCE]->(s:SourceRecord) | s.dataset + $separator + s.sourceId] AS keys
MATCH (r)-[l:RECOMMENDED_BY|HAS_THEME|CONCERNS|SUPPORTS_SDG]->()
WHERE l.sources IS NULL
SET l.sources = keys
RETURN count(DISTINCT r) AS done
