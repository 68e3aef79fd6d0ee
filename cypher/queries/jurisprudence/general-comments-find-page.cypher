// One page of comments matching the filter, in sortKey order (body, then number); keyset cursors.
MATCH (g:GeneralComment)
WHERE ($bodies IS NULL OR any(b IN g.bodies WHERE b IN $bodies))
  AND ($yearFrom IS NULL OR g.year >= $yearFrom)
  AND ($yearTo IS NULL OR g.year <= $yearTo)
  AND ($afterKey IS NULL OR g.sortKey > $afterKey)
  AND ($beforeKey IS NULL OR g.sortKey < $beforeKey)
  AND ($text IS NULL OR toLower(g.title) CONTAINS $text
       OR EXISTS { MATCH (g)-[:HAS_PARAGRAPH]->(p) WHERE toLower(p.text) CONTAINS $text })
RETURN g {.*} AS comment
ORDER BY CASE WHEN $backward THEN '' ELSE g.sortKey END ASC, g.sortKey DESC
LIMIT $limit
