// How many comments match the filter (the same conditions as general-comments-find-page).
MATCH (g:GeneralComment)
WHERE ($bodies IS NULL OR any(b IN g.bodies WHERE b IN $bodies))
  AND ($yearFrom IS NULL OR g.year >= $yearFrom)
  AND ($yearTo IS NULL OR g.year <= $yearTo)
  AND ($text IS NULL OR toLower(g.title) CONTAINS $text
       OR EXISTS { MATCH (g)-[:HAS_PARAGRAPH]->(p) WHERE toLower(p.text) CONTAINS $text })
RETURN count(g) AS count
