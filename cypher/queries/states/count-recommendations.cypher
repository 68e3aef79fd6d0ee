// Counts of one state's recommendations by response, mechanism and cycle (null = not known).
MATCH (r:Recommendation {state: $iso3})
WITH r.response AS response, r.mechanism AS mechanism, r.cycle AS cycle, count(*) AS count
RETURN response, mechanism, cycle, count
