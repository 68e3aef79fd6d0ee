UNWIND $codes AS code
MATCH (m:Mechanism {code: code})
RETURN m {.code, .name, .kind, .system} AS mechanism
