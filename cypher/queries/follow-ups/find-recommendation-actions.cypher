// The ids of the actions addressing each recommendation, soonest due first.
UNWIND $ids AS id
MATCH (a:FollowUpAction)-[:ADDRESSES]->(:Recommendation {id: id})
RETURN id, a.id AS actionId
ORDER BY id, a.dueDate, a.id
