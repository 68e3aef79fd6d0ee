// Each state's links to each instrument as they stand, to compare with what a ratification file
// says (importRatifications).
UNWIND $pairs AS pair
MATCH (s:State {iso3: pair.iso3})
MATCH (i:Instrument {code: pair.instrument})
OPTIONAL MATCH (s)-[p:PARTY_TO]->(i)
RETURN pair.iso3 AS iso3, pair.instrument AS instrument, p IS NOT NULL AS party, p.year AS year,
       p.status AS status, EXISTS { (s)-[:SIGNED]->(i) } AS signed
