// Every OVERLAPS pair stored for one state (after a full run cleared the suggestions: the
// reviewed ones), as stored (a.id < b.id), with its status.
MATCH (a:Recommendation {state: $state})-[o:OVERLAPS]->(b:Recommendation)
RETURN a.id AS a, b.id AS b, o.status AS status
