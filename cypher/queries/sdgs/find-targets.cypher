MATCH (t:SdgTarget)
WHERE $goal IS NULL OR t.goal = $goal
RETURN t {.code, .goal, .title, .titleFr, .titleEs} AS target
ORDER BY t.code
