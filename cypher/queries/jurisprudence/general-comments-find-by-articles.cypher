// For each article code, the comments that interpret it or the whole article it is part of
// (CERD-1 for CERD-1-1), by body then number, for the DataLoader.
UNWIND $codes AS code
MATCH (g:GeneralComment)-[:INTERPRETS]->(a:TreatyArticle)
WHERE a.code = code OR code STARTS WITH a.code + '-'
WITH code, g ORDER BY g.sortKey
RETURN code AS key, collect(DISTINCT g {.*}) AS items
