MATCH (i:Indicator {id: $id})
OPTIONAL MATCH (i)-[:HAS_MEASUREMENT]->(m:Measurement)
DETACH DELETE m
WITH DISTINCT i
DETACH DELETE i
RETURN count(*) AS deleted
