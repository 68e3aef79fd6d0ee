MATCH (m:Mechanism)
RETURN m.code AS code, m.name AS name
