// The citations of each recommendation, with their targets' type and key.
UNWIND $ids AS id
MATCH (:Recommendation {id: id})-[k:CITES]->(c:Citation)
OPTIONAL MATCH (c)-[:REFERS_TO]->(t)
WITH id, k, c, t,
  [l IN labels(t) WHERE l IN ['GeneralComment', 'Decision', 'TreatyArticle', 'Recommendation', 'Document']][0] AS type
RETURN id AS key, collect({
  reference: c.reference, kind: c.kind, spans: k.spans, starts: k.starts, ends: k.ends,
  targetType: type,
  targetKey: CASE type WHEN 'TreatyArticle' THEN t.code WHEN 'Document' THEN t.symbol ELSE t.id END
}) AS items
