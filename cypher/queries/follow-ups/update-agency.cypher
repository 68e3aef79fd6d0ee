MATCH (g:Agency {id: $id})
SET g.name = $name, g.nameKey = $nameKey, g.kind = $kind, g.contact = $contact,
    g.updatedAt = datetime()
RETURN g {.id, .state, .name, .kind, .contact} AS agency
