// The signals stored on each overlap cluster of the given states (compared in tests with a
// fresh computation).
UNWIND $states AS state
MATCH (c:OverlapCluster {state: state})
RETURN c.id AS id, c.state AS state, c.noted AS noted, c.assessed AS assessed,
       c.repeated AS repeated, c.cycles AS cycles, c.recommenders AS recommenders, c.regions AS regions,
       c.themes AS themes, c.actions AS actions, c.overdue AS overdue, coalesce(c.adverse, []) AS adverse, c.completed AS completed,
       c.multiSource AS multiSource, c.signals AS signals, c.neglected AS neglected
ORDER BY id
