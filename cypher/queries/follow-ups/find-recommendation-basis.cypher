// What deadline rules need to know about each recommendation.
UNWIND $ids AS id
MATCH (r:Recommendation {id: id})
RETURN r.id AS id, r.mechanism AS mechanism, r.state AS state, r.date AS date, r.year AS year,
       r.cycle AS cycle, r.session AS session
