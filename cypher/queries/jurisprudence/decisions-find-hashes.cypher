// The content hash each of the given decisions was last written with (absent ids are left out).
UNWIND $ids AS id
MATCH (d:Decision {id: id})
RETURN d.id AS id, d.contentHash AS contentHash
