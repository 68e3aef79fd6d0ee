// A state's follow-up in figures: actions by status, overdue ones, and how many of its
// recommendations at least one action addresses.
MATCH (s:State {iso3: $state})
RETURN
  COLLECT {
    MATCH (a:FollowUpAction {state: $state})
    WITH a.status AS status, count(*) AS count
    RETURN {status: status, count: count} AS bucket ORDER BY status
  } AS byStatus,
  COUNT {
    MATCH (a:FollowUpAction {state: $state})
    WHERE a.dueDate < date($today) AND NOT a.status IN ['COMPLETED', 'CANCELLED']
  } AS overdue,
  COUNT { MATCH (r:Recommendation {state: $state}) } AS recommendations,
  COUNT {
    MATCH (r:Recommendation {state: $state})
    WHERE EXISTS { (:FollowUpAction)-[:ADDRESSES]->(r) }
  } AS addressed
