UNWIND $ids AS id
MATCH (g:Agency {id: id})
RETURN g {.id, .state, .name, .kind, .contact} AS agency
