// nameKey (the lower-cased, space-collapsed name) is unique per state: one agency, one node.
CREATE (g:Agency {id: $id, state: $state, name: $name, nameKey: $nameKey, kind: $kind,
                  contact: $contact, createdAt: datetime()})
RETURN g {.id, .state, .name, .kind, .contact} AS agency
