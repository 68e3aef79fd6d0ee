// Before a full rebuild of one state: drop the detector's suggestions and repeats, keep every
// link a person confirmed or rejected.
MATCH (r:Recommendation {state: $state})
OPTIONAL MATCH (r)-[o:OVERLAPS]->()
WHERE o.status = 'SUGGESTED'
DELETE o
WITH DISTINCT r
OPTIONAL MATCH (r)-[x:REPEATS]->()
DELETE x
