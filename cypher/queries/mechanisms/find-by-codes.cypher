UNWIND $codes AS code
MATCH (m:Mechanism {code: code})
RETURN m {.code, .name, .kind, .system,
          parent: head(COLLECT { MATCH (m)-[:PART_OF]->(p:Mechanism) RETURN p.code ORDER BY p.code })
         } AS mechanism
