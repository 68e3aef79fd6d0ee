// Creates or replaces decisions with their links: respondent states (AGAINST), countries of return
// (RETURN_TO), the deciding body (BY) and the treaty articles applied (APPLIES). A decision's links
// are replaced as a whole, so a re-import of changed data leaves no stale link.
UNWIND $decisions AS row
MERGE (d:Decision {id: row.id})
SET d += row.properties, d.year = toInteger(row.properties.year)
WITH d, row
CALL (d) {
  MATCH (d)-[r:AGAINST|RETURN_TO|BY|APPLIES]->()
  DELETE r
}
CALL (d, row) {
  MATCH (m:Mechanism {code: row.properties.body})
  MERGE (d)-[:BY]->(m)
}
CALL (d, row) {
  UNWIND row.respondents AS iso3
  MATCH (s:State {iso3: iso3})
  MERGE (d)-[r:AGAINST]->(s)
  SET r.ambiguous = row.ambiguousRespondent
}
CALL (d, row) {
  UNWIND row.returnStates AS iso3
  MATCH (s:State {iso3: iso3})
  MERGE (d)-[:RETURN_TO]->(s)
}
CALL (d, row) {
  UNWIND row.articles AS article
  MERGE (a:TreatyArticle {code: article.code})
  SET a.instrument = article.instrument,
    a.article = article.article,
    a.paragraph = article.paragraph,
    a.subparagraph = article.subparagraph,
    a.articleKey = article.instrument + '-' + article.article
  MERGE (d)-[r:APPLIES]->(a)
  SET r.violated = article.violated
}
RETURN count(d) AS written
