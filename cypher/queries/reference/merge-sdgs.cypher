UNWIND $goals AS row
MERGE (g:SdgGoal {code: row.code})
SET g.number = toInteger(row.number), g.shortTitle = row.shortTitle, g.title = row.titleEn, g.titleFr = row.titleFr, g.titleEs = row.titleEs
WITH count(*) AS goals
UNWIND $targets AS row
MATCH (g:SdgGoal {code: row.goal})
MERGE (t:SdgTarget {code: row.code})
SET t.goal = row.goal, t.title = row.titleEn, t.titleFr = row.titleFr, t.titleEs = row.titleEs
MERGE (t)-[:OF_GOAL]->(g)
