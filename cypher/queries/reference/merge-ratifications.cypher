// PARTY_TO: ratified or acceded (year when known); SIGNED: signed but not (yet) a party.
UNWIND $ratifications AS row
MATCH (s:State {iso3: row.iso3})
MATCH (i:Instrument {code: row.instrument})
FOREACH (_ IN CASE WHEN row.party THEN [1] ELSE [] END |
  MERGE (s)-[p:PARTY_TO]->(i)
  SET p.year = toInteger(row.year), p.status = row.status)
FOREACH (_ IN CASE WHEN row.signatory AND NOT row.party THEN [1] ELSE [] END |
  MERGE (s)-[:SIGNED]->(i))
