MATCH (a:FollowUpAction)
WHERE ($states IS NULL OR a.state IN $states)
  AND ($statuses IS NULL OR a.status IN $statuses)
  AND ($overdue IS NULL OR ($overdue = (coalesce(a.dueDate < date($today), false)
       AND NOT a.status IN ['COMPLETED', 'CANCELLED'])))
  AND ($recommendationId IS NULL OR EXISTS { (a)-[:ADDRESSES]->(:Recommendation {id: $recommendationId}) })
  AND ($agencyId IS NULL OR EXISTS { (:Agency {id: $agencyId})-[:RESPONSIBLE_FOR]->(a) })
RETURN count(a) AS count
