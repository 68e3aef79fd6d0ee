// The state's adverse decisions whose related recommendations were noted, repeated or not
// implemented (docs/jurisprudence.md, "Jurisprudence gaps"). Adverse: a violation found (the
// outcome, or an article found violated), or views whose outcome the source does not record
// (`violationRecorded` false). Related as in related-recommendations-by-decision: citing the
// decision, citing an article it applies, or a theme crosswalked to one (ThemeArticles). A
// recommendation is not implemented when its latest assessment says NOT_IMPLEMENTED, CONTRARY or
// NO_INFORMATION, repeated when it repeats an earlier one or is repeated by a later one.
MATCH (s:State {iso3: $state})<-[:AGAINST]-(d:Decision)
WITH s, d,
  coalesce(d.outcome = 'VIOLATION', false) OR EXISTS { (d)-[ap:APPLIES]->() WHERE ap.violated }
    AS violationRecorded
WHERE violationRecorded OR (d.kind = 'VIEWS' AND d.outcome IS NULL)
// Only the articles it found violated, or whose finding the source does not record.
OPTIONAL MATCH (d)-[ap:APPLIES]->(da:TreatyArticle)
WHERE ap.violated OR ap.violated IS NULL
WITH s, d, violationRecorded, collect(DISTINCT da.articleKey) AS keys
CALL (keys) {
  MATCH (x:ThemeArticles)
  WHERE any(k IN x.articleKeys WHERE k IN keys)
  RETURN collect(x.scheme + '|' + x.code) AS themeKeys
}
CALL (s, d, keys, themeKeys) {
  MATCH (s)<-[:ADDRESSED_TO]-(r:Recommendation)-[:CITES]->(:Citation)-[:REFERS_TO]->(d)
  RETURN r
  UNION
  MATCH (s)<-[:ADDRESSED_TO]-(r:Recommendation)-[:CITES]->(:Citation)-[:REFERS_TO]->(a:TreatyArticle)
  WHERE a.articleKey IN keys
  RETURN r
  UNION
  MATCH (s)<-[:ADDRESSED_TO]-(r:Recommendation)-[:HAS_THEME]->(t:Theme)
  WHERE t.scheme + '|' + t.code IN themeKeys
  RETURN r
}
OPTIONAL CALL (r) {
  MATCH (a:Assessment)-[:ASSESSES]->(r)
  RETURN a.commonGrade AS grade
  ORDER BY a.date DESC, a.recordedAt DESC
  LIMIT 1
}
WITH d, violationRecorded, r, r.response = 'NOTED' AS noted,
  EXISTS { (r)-[:REPEATS]-(:Recommendation) } AS repeated,
  grade IN ['NOT_IMPLEMENTED', 'CONTRARY', 'NO_INFORMATION'] AS notImplemented
ORDER BY r.date, r.id
WITH d, violationRecorded, count(r) AS related,
  collect(CASE WHEN noted THEN r.id END) AS noted,
  collect(CASE WHEN repeated THEN r.id END) AS repeated,
  collect(CASE WHEN notImplemented THEN r.id END) AS notImplemented
WHERE size(noted) + size(repeated) + size(notImplemented) > 0
RETURN d {.*} AS decision, violationRecorded, related, noted, repeated, notImplemented
ORDER BY violationRecorded DESC, size(noted) + size(repeated) + size(notImplemented) DESC, d.sortKey DESC
