// Every state's code and English name, for "did you mean" suggestions on an unknown state.
MATCH (s:State)
RETURN s.iso3 AS iso3, s.name AS name
