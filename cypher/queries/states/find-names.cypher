MATCH (s:State)
RETURN s.iso3 AS iso3, s.names AS names
