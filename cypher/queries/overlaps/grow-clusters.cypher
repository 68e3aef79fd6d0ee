// An incremental run's cluster changes: each growth keeps (or creates) one cluster, moves the
// members of the clusters it absorbs into it and deletes them, and adds the recommendations
// that join it.
MATCH (s:State {iso3: $state})
UNWIND $growths AS g
MERGE (k:OverlapCluster {id: g.id})
  ON CREATE SET k.state = $state
MERGE (s)-[:HAS_OVERLAP_CLUSTER]->(k)
SET k.size = g.size, k.mechanisms = g.mechanisms, k.mechanismCount = size(g.mechanisms),
    k.years = g.years, k.firstYear = g.firstYear, k.lastYear = g.lastYear,
    k.detectorVersion = $version
WITH k, g
CALL (k, g) {
  UNWIND g.absorb AS oldId
  MATCH (old:OverlapCluster {id: oldId})
  CALL (k, old) {
    MATCH (old)-[:HAS_MEMBER]->(r:Recommendation)
    CREATE (k)-[:HAS_MEMBER]->(r)
  }
  DETACH DELETE old
}
CALL (k, g) {
  UNWIND g.members AS id
  MATCH (r:Recommendation {id: id})
  CREATE (k)-[:HAS_MEMBER]->(r)
}
