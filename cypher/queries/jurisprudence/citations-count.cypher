// Citations by kind: references, those with a target, and the recommendations' citing links.
MATCH (c:Citation)
OPTIONAL MATCH (c)-[:REFERS_TO]->(t)
WITH c, t IS NOT NULL AS resolved, COUNT { (c)<-[:CITES]-() } AS citing
RETURN c.kind AS kind, count(c) AS references, sum(CASE WHEN resolved THEN 1 ELSE 0 END) AS resolved,
  sum(citing) AS links, sum(CASE WHEN resolved THEN citing ELSE 0 END) AS resolvedLinks
ORDER BY kind
