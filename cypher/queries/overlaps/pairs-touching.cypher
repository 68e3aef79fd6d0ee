// First locks the state as lock-state does (an incremental run saves that round trip), then
// returns the OVERLAPS pairs already stored that touch the given recommendations, as stored
// (a.id < b.id), with their status.
MATCH (s:State {iso3: $state})
SET s.overlapsDetectedAt = datetime()
WITH s
UNWIND $ids AS id
MATCH (r:Recommendation {id: id})-[o:OVERLAPS]-(other:Recommendation)
WITH DISTINCT CASE WHEN r.id < other.id THEN [r.id, other.id] ELSE [other.id, r.id] END AS pair,
     o.status AS status
RETURN pair[0] AS a, pair[1] AS b, status
