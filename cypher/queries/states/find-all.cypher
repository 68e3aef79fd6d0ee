// Every state with its most specific region and that region's ancestors (for region filters at
// any level: 150 Europe, 154 Northern Europe, ...).
MATCH (s:State)
OPTIONAL MATCH (s)-[:IN_REGION]->(r:Region)
OPTIONAL MATCH (r)-[:PART_OF*0..]->(a:Region)
WITH s, r, collect(a.code) AS regions
RETURN s {.iso3, .iso2, .m49, .name, .formalName, .unMember, .unObserver, .ldc, .lldc, .sids,
          region: r.code} AS state, regions
ORDER BY s.iso3
