UNWIND $regions AS row
MERGE (r:Region {code: row.code})
SET r.name = row.name, r.level = row.level
WITH r, row
WHERE row.parent IS NOT NULL
MERGE (p:Region {code: row.parent})
MERGE (r)-[:PART_OF]->(p)
