MATCH (g:SdgGoal)
RETURN g {.code, .number, .shortTitle, .title, .titleFr, .titleEs} AS goal
ORDER BY g.number
