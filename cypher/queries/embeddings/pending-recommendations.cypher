// Recommendations waiting for a vector from $model: new or reworded ('' sorts first), or embedded
// by another model. Two range seeks on the embeddingModel index, so the cost follows what is
// pending. Pages by id.
CALL () {
  MATCH (r:Recommendation) WHERE r.embeddingModel < $model RETURN r
  UNION
  MATCH (r:Recommendation) WHERE r.embeddingModel > $model RETURN r
}
WITH r WHERE r.id > $after
RETURN r.id AS id, r.text AS text
ORDER BY id
LIMIT toInteger($limit)
