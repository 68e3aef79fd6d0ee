// Write-locks the given State nodes (sorted by the caller) until commit: the property is set and
// removed again, so only the lock remains. Taken before the first write of every transaction that
// refreshes a state's cluster signals, as detection takes it (overlaps/lock-state).
UNWIND $states AS iso3
MATCH (s:State {iso3: iso3})
SET s._lock = true
REMOVE s._lock
