// Every OVERLAPS pair stored for one state (after a full run cleared the suggestions: the
// reviewed ones), as stored: a.id < b.id.
MATCH (a:Recommendation {state: $state})-[:OVERLAPS]->(b:Recommendation)
RETURN a.id AS a, b.id AS b
