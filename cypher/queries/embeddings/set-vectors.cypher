// Stores vectors (as float32 arrays, the form the vector index reads) with the model and content
// key they were computed for. A recommendation reworded since it was read keeps waiting: its key
// no longer matches the text sent here, so the WHERE skips it.
UNWIND $rows AS row
MATCH (r:Recommendation {id: row.id})
WHERE r.text = row.text
CALL db.create.setNodeVectorProperty(r, 'embedding', row.vector)
SET r.embeddingModel = $model, r.embeddingKey = row.key
