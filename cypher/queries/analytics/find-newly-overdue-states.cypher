// The states with an open action whose due date has passed since the stored signals were judged
// ($since, null: ever) and before $today: the only states whose OVERDUE signals the calendar
// changed.
MATCH (a:FollowUpAction)
WHERE a.dueDate < date($today)
  AND ($since IS NULL OR a.dueDate >= date($since))
  AND NOT a.status IN ['COMPLETED', 'CANCELLED']
RETURN DISTINCT a.state AS state
ORDER BY state
