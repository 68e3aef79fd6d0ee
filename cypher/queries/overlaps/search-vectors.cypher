// Candidates for a similarity search across all states: the $k recommendations whose vector is
// nearest the query's (the native vector index, cosine; any language), nearest first.
CALL db.index.vector.queryNodes('recommendation_embedding', toInteger($k), $vector) YIELD node, score
WHERE node.embeddingModel = $model
RETURN node.id AS id, node.text AS text, node.language AS language, node.mechanism AS mechanism,
       node.cycle AS cycle, node.year AS year, node.documentSymbol AS source, node.embeddingKey AS embeddingKey,
       score
