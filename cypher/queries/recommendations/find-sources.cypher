UNWIND $ids AS id
MATCH (r:Recommendation {id: id})
OPTIONAL MATCH (r)-[:FROM_SOURCE]->(s:SourceRecord)
WITH id, s ORDER BY s.dataset, s.sourceId
RETURN id AS key, collect(s {.dataset, .sourceId, .actionCategory, .notes, .licence, .attribution,
  .url, .highlighted}) AS items
