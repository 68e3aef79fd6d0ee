// The longest-running repeated asks: clusters with the REPEATED signal, the widest span of years
// first, then the most cycles, then the largest; of one state or of all.
MATCH (c:OverlapCluster)
WHERE 'REPEATED' IN c.signals AND ($state IS NULL OR c.state = $state)
RETURN c {.id, .state, .size, .mechanisms, .mechanismCount, .years, .firstYear, .lastYear,
          .noted, .assessed, .repeated, .cycles, .recommenders, .themes, .actions, .overdue, adverse: coalesce(c.adverse, []),
          .completed, .multiSource, .signals, .neglected} AS cluster
ORDER BY c.lastYear - c.firstYear DESC, size(c.cycles) DESC, c.size DESC, c.id
LIMIT toInteger($limit)
