// Comments by canonical id, for the DataLoader (results in any order; the loader sorts them).
MATCH (g:GeneralComment)
WHERE g.id IN $ids
RETURN g {.*} AS comment
