// States by ISO3 code, with the fields the API exposes. Their names in six languages (lists of
// variants, most of a State node's bytes) are read only when asked for: find-names-by-iso3s.
UNWIND $iso3s AS iso3
MATCH (s:State {iso3: iso3})
OPTIONAL MATCH (s)-[:IN_REGION]->(r:Region)
RETURN s {.iso3, .iso2, .m49, .name, .formalName, .unMember, .unObserver, .ldc, .lldc, .sids,
          region: r.code} AS state
