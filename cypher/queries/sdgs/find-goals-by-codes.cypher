UNWIND $codes AS code
MATCH (g:SdgGoal {code: code})
RETURN g {.code, .number, .shortTitle, .title, .titleFr, .titleEs} AS goal
