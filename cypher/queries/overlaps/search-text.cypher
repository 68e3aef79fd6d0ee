// Candidates for a similarity search across all states: from each language's full-text index,
// and from the standard one for texts in other languages, the `limit` recommendations whose text
// best matches the words of a query, best first within each `pool` (the language of the index;
// null for the standard one). Scores of different indexes are not comparable: the caller keeps a
// share of each pool (docs/api.md#languages).
CALL () {
  CALL db.index.fulltext.queryNodes('recommendation_text_en', $query) YIELD node, score
  RETURN node, score, 'en' AS pool
  LIMIT toInteger($limit)
  UNION ALL
  CALL db.index.fulltext.queryNodes('recommendation_text_es', $query) YIELD node, score
  RETURN node, score, 'es' AS pool
  LIMIT toInteger($limit)
  UNION ALL
  CALL db.index.fulltext.queryNodes('recommendation_text_fr', $query) YIELD node, score
  RETURN node, score, 'fr' AS pool
  LIMIT toInteger($limit)
  UNION ALL
  CALL db.index.fulltext.queryNodes('recommendation_text', $query) YIELD node, score
  WHERE NOT (node:TextEn OR node:TextEs OR node:TextFr)
  RETURN node, score, null AS pool
  LIMIT toInteger($limit)
}
RETURN node.id AS id, node.text AS text, node.language AS language, node.mechanism AS mechanism,
       node.cycle AS cycle, node.year AS year, node.documentSymbol AS source, pool, score,
       CASE WHEN $model IS NOT NULL AND node.embeddingModel = $model THEN node.embeddingKey END AS embeddingKey
