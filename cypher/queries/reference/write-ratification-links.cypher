// Makes each state's link to each instrument what a ratification file says (importRatifications,
// docs/graph-model.md): PARTY_TO {year, status} for a party, SIGNED for a signatory that is not a
// party, neither for no action; a link the row no longer states is removed.
UNWIND $rows AS row
MATCH (s:State {iso3: row.iso3})
MATCH (i:Instrument {code: row.instrument})
CALL (s, i, row) {
  MATCH (s)-[old:PARTY_TO|SIGNED]->(i)
  WHERE (type(old) = 'PARTY_TO' AND NOT row.party) OR (type(old) = 'SIGNED' AND NOT row.signatory)
  DELETE old
}
FOREACH (_ IN CASE WHEN row.party THEN [1] ELSE [] END |
  MERGE (s)-[p:PARTY_TO]->(i)
  SET p.year = toInteger(row.year), p.status = row.status)
FOREACH (_ IN CASE WHEN row.signatory THEN [1] ELSE [] END |
  MERGE (s)-[:SIGNED]->(i))
RETURN count(*) AS written
