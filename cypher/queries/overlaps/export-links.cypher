// Every stored pair, for `recgraph overlaps export`.
MATCH (a:Recommendation)-[o:OVERLAPS]->(b:Recommendation)
RETURN a.id AS a_id, b.id AS b_id, o.score AS score, o.kind AS kind, o.methods AS methods,
       o.status AS status
ORDER BY a_id, b_id
