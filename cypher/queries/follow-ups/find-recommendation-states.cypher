// The addressed state of each id (null when there is no such recommendation).
UNWIND $ids AS id
OPTIONAL MATCH (r:Recommendation {id: id})
RETURN id, r.state AS state
