// Upserts comments with their bodies (BY) and the treaty articles they interpret; the links are
// replaced, so a comment's links are what its latest import said. TreatyArticle nodes are MERGEd
// on their code (their constraint belongs to the decisions import); a new one gets the parts of
// its code, which the decisions import may overwrite.
UNWIND $comments AS c
MERGE (g:GeneralComment {id: c.id})
SET g += c.props
WITH g, c
CALL (g) {
  OPTIONAL MATCH (g)-[old:BY|INTERPRETS]->()
  DELETE old
}
CALL (g, c) {
  UNWIND c.bodies AS body
  MATCH (m:Mechanism {code: body})
  MERGE (g)-[:BY]->(m)
}
CALL (g, c) {
  UNWIND c.articles AS article
  MERGE (a:TreatyArticle {code: article.code})
    ON CREATE SET a.instrument = article.instrument, a.article = article.article,
                  a.paragraph = article.paragraph,
                  a.articleKey = article.instrument + '-' + article.article
  MERGE (g)-[r:INTERPRETS]->(a)
  SET r.source = c.articleSource
}
RETURN count(g) AS written
