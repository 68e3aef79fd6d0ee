UNWIND $ids AS id
MATCH (r:Recommendation {id: id})
RETURN r {.*, date: toString(r.date)} AS recommendation
