// The version of each part of the data (a part never changed has no node: version 0).
MATCH (v:DataVersion)
RETURN v.id AS part, v.version AS version
