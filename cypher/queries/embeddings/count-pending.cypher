// How many recommendations wait for a vector from $model (see pending-recommendations).
CALL () {
  MATCH (r:Recommendation) WHERE r.embeddingModel < $model RETURN r
  UNION
  MATCH (r:Recommendation) WHERE r.embeddingModel > $model RETURN r
}
RETURN count(r) AS pending
