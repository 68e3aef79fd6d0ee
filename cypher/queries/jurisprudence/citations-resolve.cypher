// Points citations at their targets once the graph holds them (docs/jurisprudence.md,
// "Citations"): a general comment by its reference or an alias (a joint comment's other body);
// a communication by its decision symbol, else by body and number (views and judgments before
// other decisions on the same communication, then the latest); a document paragraph by its
// recommendation (`{symbol}#{paragraph}`), else the document; an ECtHR case by its title. Only
// citations without a target are looked at: $references limits them to those just written,
// null means every one.
MATCH (c:Citation)
WHERE ($references IS NULL OR c.reference IN $references)
  AND c.kind <> 'ARTICLE'
  AND NOT (c)-[:REFERS_TO]->()
CALL (c) {
  WITH c
  WHERE c.kind = 'GENERAL_COMMENT'
  MATCH (g:GeneralComment)
  WHERE g.id = c.reference OR c.reference IN g.aliases
  RETURN g AS target, 0 AS rank, '' AS date
  UNION
  WITH c
  WHERE c.kind = 'COMMUNICATION' AND c.reference CONTAINS '/D/'
  MATCH (d:Decision {symbol: c.reference})
  RETURN d AS target, 0 AS rank, coalesce(d.date, '') AS date
  UNION
  WITH c
  WHERE c.kind = 'COMMUNICATION' AND c.reference CONTAINS ' '
  WITH c, split(split(c.reference, ' ')[1], '/') AS cited
  MATCH (d:Decision {body: split(c.reference, ' ')[0]})
  // Sources pad numbers ("022/2009"); a two-digit year is the last two of the four.
  WHERE any(n IN d.communicationNumbers WHERE
    toInteger(split(n, '/')[0]) = toInteger(cited[0])
    AND (split(n, '/')[1] = cited[1] OR right(split(n, '/')[1], 2) = cited[1]))
  RETURN d AS target, CASE WHEN d.kind IN ['VIEWS', 'JUDGMENT'] THEN 1 ELSE 2 END AS rank,
    coalesce(d.date, '') AS date
  UNION
  WITH c
  WHERE c.kind = 'DOCUMENT'
  MATCH (r:Recommendation {id: c.reference})
  RETURN r AS target, 0 AS rank, '' AS date
  UNION
  WITH c
  WHERE c.kind = 'DOCUMENT'
  MATCH (doc:Document {symbol: split(c.reference, '#')[0]})
  RETURN doc AS target, 5 AS rank, '' AS date
  UNION
  WITH c
  WHERE c.kind = 'CASE' AND c.reference STARTS WITH 'ECTHR:'
  MATCH (d:Decision {body: 'ECtHR'})
  WHERE d.title IS NOT NULL AND toLower(d.title) CONTAINS toLower(substring(c.reference, 6))
  RETURN d AS target, 3 AS rank, coalesce(d.date, '') AS date
}
WITH c, target
ORDER BY rank, date DESC
WITH c, head(collect(target)) AS target
MERGE (c)-[:REFERS_TO]->(target)
RETURN count(c) AS resolved
