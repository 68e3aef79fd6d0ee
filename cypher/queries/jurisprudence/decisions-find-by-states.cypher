// The decisions against each state (as respondent, or one of several states named when
// the source does not say which one responded), newest first.
UNWIND $iso3s AS iso3
MATCH (:State {iso3: iso3})<-[:AGAINST]-(d:Decision)
WITH iso3, d
ORDER BY d.sortKey DESC
RETURN iso3 AS key, collect(d {.*}) AS items
