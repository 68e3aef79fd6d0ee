MATCH (m:Mechanism)
RETURN m {.code, .name, .kind, .system} AS mechanism
ORDER BY m.code
