// Replaces overlap clusters of one state (connected SAME/PARTIAL recommendations): all of them
// when $replace is null, else those whose ids are listed.
MATCH (s:State {iso3: $state})
OPTIONAL MATCH (s)-[:HAS_OVERLAP_CLUSTER]->(old:OverlapCluster)
WHERE $replace IS NULL OR old.id IN $replace
DETACH DELETE old
WITH DISTINCT s
UNWIND $clusters AS c
CREATE (s)-[:HAS_OVERLAP_CLUSTER]->(oc:OverlapCluster {
  id: c.id, state: $state, size: size(c.members), mechanisms: c.mechanisms,
  mechanismCount: size(c.mechanisms), years: c.years, firstYear: c.firstYear,
  lastYear: c.lastYear, detectorVersion: $version
})
WITH oc, c
UNWIND c.members AS id
MATCH (r:Recommendation {id: id})
CREATE (oc)-[:HAS_MEMBER]->(r)
