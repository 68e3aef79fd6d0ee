// The treaty articles each decision applies, with whether it found them violated, by code.
UNWIND $ids AS id
MATCH (d:Decision {id: id})-[r:APPLIES]->(a:TreatyArticle)
WITH id, a, r
ORDER BY a.code
RETURN id AS key, collect({code: a.code, violated: r.violated}) AS items
