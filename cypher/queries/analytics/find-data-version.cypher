OPTIONAL MATCH (v:DataVersion {id: 'recommendations'})
RETURN coalesce(v.version, 0) AS version
