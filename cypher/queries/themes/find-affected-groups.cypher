MATCH (g:AffectedGroup)
RETURN g {.code, .label} AS group
ORDER BY g.code
