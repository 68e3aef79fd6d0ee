UNWIND $states AS row
MERGE (s:State {iso3: row.iso3})
SET s.iso2 = row.iso2,
    s.m49 = row.m49,
    s.name = row.name,
    s.formalName = row.formalName,
    s.names = row.names,
    s.namesEn = row.namesEn,
    s.namesFr = row.namesFr,
    s.namesEs = row.namesEs,
    s.namesRu = row.namesRu,
    s.namesZh = row.namesZh,
    s.namesAr = row.namesAr,
    s.unMember = row.unMember,
    s.unObserver = row.unObserver,
    s.ldc = row.ldc,
    s.lldc = row.lldc,
    s.sids = row.sids
WITH s, row
WHERE row.region IS NOT NULL
MATCH (r:Region {code: row.region})
MERGE (s)-[:IN_REGION]->(r)
