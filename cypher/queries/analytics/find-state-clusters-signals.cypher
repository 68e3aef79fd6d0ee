// A state's clusters with their stored signals (the drill-down of the ranking): neglected ones
// first, then those spanning the most mechanisms, then the largest.
MATCH (c:OverlapCluster {state: $state})
WHERE c.signals IS NOT NULL AND ($neglectedOnly = false OR c.neglected)
  AND ($mechanisms IS NULL OR any(m IN c.mechanisms WHERE m IN $mechanisms))
  AND ($spansMechanisms IS NULL OR (coalesce(c.mechanismCount, 0) >= 2) = $spansMechanisms)
  AND ($themes IS NULL OR any(k IN c.themes WHERE split(k, ':')[1] IN $themes OR k IN $themes))
  AND ($from IS NULL OR c.lastYear >= $from)
  AND ($to IS NULL OR c.firstYear <= $to)
RETURN c {.id, .state, .size, .mechanisms, .mechanismCount, .years, .firstYear, .lastYear,
          .noted, .assessed, .repeated, .cycles, .recommenders, .themes, .actions, .overdue, adverse: coalesce(c.adverse, []),
          .completed, .multiSource, .signals, .neglected} AS cluster
ORDER BY c.neglected DESC, c.mechanismCount DESC, c.size DESC, c.id
LIMIT toInteger($limit)
