// The recommendations related to a decision (docs/jurisprudence.md, "Related jurisprudence"):
// those that cite it; and those to the state(s) it was taken against that cite an article it
// applies, or have a theme crosswalked to one (ThemeArticles), matched at article level. Each
// with why, and whether it was made before or after the decision; by date, then id.
MATCH (d:Decision {id: $id})
OPTIONAL MATCH (d)-[:APPLIES]->(da:TreatyArticle)
WITH d, collect(DISTINCT da.articleKey) AS keys
CALL (d, keys) {
  MATCH (x:ThemeArticles)
  WHERE any(k IN x.articleKeys WHERE k IN keys)
  RETURN collect(x.scheme + '|' + x.code) AS themeKeys
}
CALL (d, keys, themeKeys) {
  MATCH (r:Recommendation)-[:CITES]->(:Citation)-[:REFERS_TO]->(d)
  RETURN r, 'CITED' AS via, null AS articleKey, null AS theme
  UNION
  MATCH (d)-[:AGAINST]->(s:State)<-[:ADDRESSED_TO]-(r:Recommendation)-[:CITES]->(:Citation)-[:REFERS_TO]->(a:TreatyArticle)
  WHERE a.articleKey IN keys
  RETURN r, 'ARTICLE' AS via, a.articleKey AS articleKey, null AS theme
  UNION
  MATCH (d)-[:AGAINST]->(s:State)<-[:ADDRESSED_TO]-(r:Recommendation)-[:HAS_THEME]->(t:Theme)
  WHERE t.scheme + '|' + t.code IN themeKeys
  MATCH (x:ThemeArticles {scheme: t.scheme, code: t.code})
  RETURN r, 'THEME' AS via, [k IN x.articleKeys WHERE k IN keys][0] AS articleKey, t.label AS theme
}
WITH d, r, collect(DISTINCT {via: via, articleKey: articleKey, theme: theme}) AS reasons
RETURN r.id AS id, toString(r.date) AS date, reasons,
  CASE WHEN r.date IS NULL OR d.date IS NULL THEN null
       WHEN toString(r.date) < d.date THEN 'BEFORE' ELSE 'AFTER' END AS timing
ORDER BY date, id
