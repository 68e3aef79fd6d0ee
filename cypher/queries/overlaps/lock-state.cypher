// Taken first in each state's detection transaction: writing the State node locks it until
// commit, so two detection runs on one state take turns instead of both creating links.
MATCH (s:State {iso3: $state})
SET s.overlapsDetectedAt = datetime()
