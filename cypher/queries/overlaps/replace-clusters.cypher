// Replaces all of one state's overlap clusters (after a full run, or a review).
MATCH (s:State {iso3: $state})
OPTIONAL MATCH (s)-[:HAS_OVERLAP_CLUSTER]->(old:OverlapCluster)
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
