// Whether the demo datasets were loaded completely (the marker loadDemoData writes last), and
// whether the graph holds any recommendation that none of them brought (then it is not a demo
// graph, and an unfinished demo load is not taken up again).
OPTIONAL MATCH (marker:__DemoData {id: 'demo'})
CALL () {
  OPTIONAL MATCH (r:Recommendation)
  WHERE NOT EXISTS { (r)-[:FROM_SOURCE]->(s:SourceRecord) WHERE s.dataset IN $datasets }
  RETURN r IS NOT NULL AS other LIMIT 1
}
RETURN marker IS NOT NULL AS complete, other
