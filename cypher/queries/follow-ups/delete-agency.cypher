// Removes an agency; the actions it was responsible for stay (without it).
MATCH (g:Agency {id: $id})
DETACH DELETE g
RETURN count(*) AS deleted
