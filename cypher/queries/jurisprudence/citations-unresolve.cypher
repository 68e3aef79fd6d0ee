// Forgets every citation's target but the treaty articles' (which their codes give), before
// `jurisprudence link --full` resolves them all again.
MATCH (c:Citation)-[t:REFERS_TO]->(target)
WHERE c.kind <> 'ARTICLE'
DELETE t
RETURN count(t) AS removed
