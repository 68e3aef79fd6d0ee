// One page of actions matching the filter, soonest due first (no due date last). The sort key
// is also the cursor.
MATCH (a:FollowUpAction)
WHERE ($states IS NULL OR a.state IN $states)
  AND ($statuses IS NULL OR a.status IN $statuses)
  AND ($overdue IS NULL OR ($overdue = (coalesce(a.dueDate < date($today), false)
       AND NOT a.status IN ['COMPLETED', 'CANCELLED'])))
  AND ($recommendationId IS NULL OR EXISTS { (a)-[:ADDRESSES]->(:Recommendation {id: $recommendationId}) })
  AND ($agencyId IS NULL OR EXISTS { (:Agency {id: $agencyId})-[:RESPONSIBLE_FOR]->(a) })
WITH a, coalesce(toString(a.dueDate), '9999-12-31') + ':' + a.id AS key
WHERE ($after IS NULL OR key > $after) AND ($before IS NULL OR key < $before)
RETURN key, a.id AS id
ORDER BY CASE WHEN $forward THEN key END ASC, CASE WHEN $forward THEN null ELSE key END DESC
LIMIT toInteger($limit)
