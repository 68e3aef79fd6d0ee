MATCH (g:Agency {state: $state})
RETURN g {.id, .state, .name, .kind, .contact} AS agency
ORDER BY g.name, g.id
