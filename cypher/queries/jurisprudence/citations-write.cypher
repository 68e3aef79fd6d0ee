// The citations read from recommendations' texts (docs/jurisprudence.md, "Citations"). Each
// recommendation's CITES are replaced by what its text says now (`replace`; a recommendation
// just created has none), one per reference with every span it was read from; the Citation node
// of a reference is shared by all that cite it. Cited treaty articles are their own target,
// MERGEd from the parsed code. `citationsRead` records the reading, for `jurisprudence link`.
UNWIND $rows AS row
MATCH (r:Recommendation {id: row.id})
SET r.citationsRead = $version
WITH r, row
CALL (r, row) {
  WITH row
  WHERE row.replace
  OPTIONAL MATCH (r)-[old:CITES]->(:Citation)
  DELETE old
}
CALL (r, row) {
  UNWIND row.citations AS cited
  MERGE (c:Citation {reference: cited.reference})
    ON CREATE SET c.kind = cited.kind
  CREATE (r)-[:CITES {spans: cited.spans, starts: cited.starts, ends: cited.ends}]->(c)
  WITH c, cited
  WHERE cited.article IS NOT NULL
  MERGE (a:TreatyArticle {code: cited.article.code})
    ON CREATE SET a.instrument = cited.article.instrument, a.article = cited.article.article,
                  a.paragraph = cited.article.paragraph, a.subparagraph = cited.article.subparagraph,
                  a.articleKey = cited.article.instrument + '-' + cited.article.article
  MERGE (c)-[:REFERS_TO]->(a)
}
RETURN count(r) AS written
