// REPEATS of each recommendation: the earlier ones it repeats ($direction = 'repeats') or the
// later ones that repeat it ('repeatedBy').
UNWIND $ids AS id
MATCH (r:Recommendation {id: id})
OPTIONAL MATCH (r)-[x:REPEATS]->(earlier:Recommendation) WHERE $direction = 'repeats'
OPTIONAL MATCH (later:Recommendation)-[y:REPEATS]->(r) WHERE $direction = 'repeatedBy'
WITH id, coalesce(x, y) AS link, coalesce(earlier, later) AS other
ORDER BY other.year, other.id
RETURN id AS key,
       collect(CASE WHEN link IS NULL THEN null ELSE {
         otherId: other.id, basis: link.basis, score: link.score, phrase: link.phrase
       } END) AS items
