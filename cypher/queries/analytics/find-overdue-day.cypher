// The day on which the stored OVERDUE signals were last judged for every state (null: never).
OPTIONAL MATCH (v:DataVersion {id: 'follow-up'})
RETURN toString(v.overdueJudgedOn) AS day
