// Marks one part of the data as changed, so that cached aggregates reading it are recomputed:
// 'recommendations' (recommendations, responses, themes, SDG links), 'follow-up' (actions and
// assessments), 'overlaps' (REPEATS links) or 'clusters' (overlap clusters and their signals).
MERGE (v:DataVersion {id: $part})
SET v.version = coalesce(v.version, 0) + 1, v.changedAt = datetime()
RETURN v.version AS version
