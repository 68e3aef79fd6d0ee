// Candidates for a similarity search across all states: the recommendations whose text best
// matches the words of a query in the full-text index, best first.
CALL db.index.fulltext.queryNodes('recommendation_text', $query) YIELD node
RETURN node.id AS id, node.text AS text, node.language AS language, node.mechanism AS mechanism,
       node.cycle AS cycle, node.year AS year, node.documentSymbol AS source
LIMIT toInteger($limit)
