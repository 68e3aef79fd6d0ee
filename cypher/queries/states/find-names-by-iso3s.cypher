// The name variants of states by ISO3 code: all of them, and the UN names in each language.
UNWIND $iso3s AS iso3
MATCH (s:State {iso3: iso3})
RETURN s.iso3 AS iso3,
       s {.names, .namesEn, .namesFr, .namesEs, .namesRu, .namesZh, .namesAr} AS names
