UNWIND $iso3s AS iso3
MATCH (s:State {iso3: iso3})
OPTIONAL MATCH (s)-[p:PARTY_TO|SIGNED]->(i:Instrument)
WITH iso3, i, p ORDER BY i.code
RETURN iso3 AS key,
       [x IN collect(CASE WHEN i IS NULL THEN null ELSE {instrument: i.code, name: i.name, status: CASE type(p) WHEN 'PARTY_TO' THEN 'PARTY' ELSE 'SIGNATORY' END, year: p.year} END) WHERE x IS NOT NULL] AS items
