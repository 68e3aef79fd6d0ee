// Decisions by id, in no particular order (unknown ids are left out).
UNWIND $ids AS id
MATCH (d:Decision {id: id})
RETURN d {.*} AS decision
