// A state's follow-up over time: per period (a year "2025" or a month "2025-03", by $length
// characters of the date), the actions started, due and completed, and the progress updates.
CALL () {
  MATCH (a:FollowUpAction {state: $state}) WHERE a.startDate IS NOT NULL
  RETURN left(toString(a.startDate), $length) AS period, 'started' AS what
  UNION ALL
  MATCH (a:FollowUpAction {state: $state}) WHERE a.dueDate IS NOT NULL
  RETURN left(toString(a.dueDate), $length) AS period, 'due' AS what
  UNION ALL
  MATCH (a:FollowUpAction {state: $state}) WHERE a.completedDate IS NOT NULL
  RETURN left(toString(a.completedDate), $length) AS period, 'completed' AS what
  UNION ALL
  MATCH (:FollowUpAction {state: $state})-[:HAS_PROGRESS]->(p:ProgressUpdate)
  RETURN left(toString(p.date), $length) AS period, 'progress' AS what
}
RETURN period,
       count(CASE WHEN what = 'started' THEN 1 END) AS started,
       count(CASE WHEN what = 'due' THEN 1 END) AS due,
       count(CASE WHEN what = 'completed' THEN 1 END) AS completed,
       count(CASE WHEN what = 'progress' THEN 1 END) AS progressUpdates
ORDER BY period
