// A page of decisions matching the filter, ordered by sortKey descending (a page read backwards); null filters match all. Up to $limit rows.
MATCH (d:Decision)
WHERE ($bodies IS NULL OR d.body IN $bodies)
  AND ($outcomes IS NULL OR d.outcome IN $outcomes)
  AND ($states IS NULL OR any(s IN d.respondents WHERE s IN $states))
  AND ($yearFrom IS NULL OR d.year >= $yearFrom)
  AND ($yearTo IS NULL OR d.year <= $yearTo)
  AND ($text IS NULL OR d.searchText CONTAINS $text)
  AND ($articles IS NULL OR EXISTS {
    MATCH (d)-[:APPLIES]->(a:TreatyArticle)
    WHERE any(code IN $articles WHERE a.code = code OR a.code STARTS WITH code + '-')
  })
  AND ($afterKey IS NULL OR d.sortKey > $afterKey)
  AND ($beforeKey IS NULL OR d.sortKey < $beforeKey)
RETURN d {.*} AS decision
ORDER BY d.sortKey DESC
LIMIT toInteger($limit)
