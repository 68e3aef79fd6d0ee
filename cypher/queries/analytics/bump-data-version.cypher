// Marks the recommendations data (recommendations, responses, themes, follow-up, assessments)
// as changed: cached aggregates of an older version are recomputed.
MERGE (v:DataVersion {id: 'recommendations'})
SET v.version = coalesce(v.version, 0) + 1, v.changedAt = datetime()
RETURN v.version AS version
