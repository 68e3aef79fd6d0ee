MATCH (m:Mechanism)
RETURN m {.code, .name, .kind, .system,
          parent: head(COLLECT { MATCH (m)-[:PART_OF]->(p:Mechanism) RETURN p.code ORDER BY p.code })
         } AS mechanism
ORDER BY m.code
