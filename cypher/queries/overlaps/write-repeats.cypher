// A later recommendation REPEATS an earlier one.
UNWIND $repeats AS x
MATCH (later:Recommendation {id: x.from})
MATCH (earlier:Recommendation {id: x.to})
MERGE (later)-[r:REPEATS]->(earlier)
SET r.basis = x.basis, r.score = x.score, r.phrase = x.phrase, r.detectorVersion = $version
