// For each recommendation, the decisions related to it (docs/jurisprudence.md, "Related
// jurisprudence"): those it cites; and those against the state it addresses that apply an
// article it cites, or an article its themes are crosswalked to (ThemeArticles), matched at
// article level. Each with why (the reasons), whether a violation was found on a matched article,
// ranked by score (cited 3, cited article 2, theme 1; +1 for a violation found; +0.1 for each
// further matched article, up to 0.4), then newest first; the first $limit per recommendation.
UNWIND $ids AS id
MATCH (r:Recommendation {id: id})
OPTIONAL MATCH (r)-[:ADDRESSED_TO]->(s:State)
CALL (r, s) {
  MATCH (r)-[:CITES]->(:Citation)-[:REFERS_TO]->(d:Decision)
  RETURN d, 'CITED' AS via, null AS articleKey, null AS theme
  UNION
  MATCH (r)-[:CITES]->(:Citation)-[:REFERS_TO]->(a:TreatyArticle)
  WITH DISTINCT s, a.articleKey AS articleKey
  MATCH (s)<-[:AGAINST]-(d:Decision)-[:APPLIES]->(:TreatyArticle {articleKey: articleKey})
  RETURN d, 'ARTICLE' AS via, articleKey, null AS theme
  UNION
  MATCH (r)-[:HAS_THEME]->(t:Theme)
  MATCH (x:ThemeArticles {scheme: t.scheme, code: t.code})
  UNWIND x.articleKeys AS articleKey
  MATCH (s)<-[:AGAINST]-(d:Decision)-[:APPLIES]->(:TreatyArticle {articleKey: articleKey})
  RETURN d, 'THEME' AS via, articleKey, t.label AS theme
}
WITH id, d, collect(DISTINCT {via: via, articleKey: articleKey, theme: theme}) AS reasons
WITH id, d, reasons, [x IN reasons WHERE x.articleKey IS NOT NULL | x.articleKey] AS keys
WITH id, d, reasons, keys,
  coalesce(d.outcome = 'VIOLATION', false) OR EXISTS {
    MATCH (d)-[ap:APPLIES]->(a:TreatyArticle)
    WHERE ap.violated AND (a.articleKey IN keys OR any(x IN reasons WHERE x.via = 'CITED'))
  } AS violation
WITH id, d, reasons, violation,
  reduce(acc = [], k IN keys | CASE WHEN k IN acc THEN acc ELSE acc + k END) AS matched
WITH id, d, reasons, violation, matched,
  CASE WHEN any(x IN reasons WHERE x.via = 'CITED') THEN 3
       WHEN any(x IN reasons WHERE x.via = 'ARTICLE') THEN 2 ELSE 1 END
  + CASE WHEN violation THEN 1 ELSE 0 END
  + 0.1 * CASE WHEN size(matched) > 5 THEN 4 WHEN size(matched) > 0 THEN size(matched) - 1 ELSE 0 END
  AS score
ORDER BY score DESC, d.sortKey DESC
WITH id, collect({decision: d {.*}, score: score, violation: violation, matchedArticles: matched,
  reasons: reasons})[0..toInteger($limit)] AS items
RETURN id AS key, items
