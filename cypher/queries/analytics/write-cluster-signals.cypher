// Stores the computed signals on each cluster (see compute-cluster-signals).
UNWIND $rows AS row
MATCH (c:OverlapCluster {id: row.id})
SET c.noted = row.noted, c.assessed = row.assessed, c.repeated = row.repeated,
    c.cycles = row.cycles, c.recommenders = row.recommenders, c.regions = row.regions,
    c.themes = row.themes,
    c.actions = row.actions, c.overdue = row.overdue, c.adverse = row.adverse, c.completed = row.completed,
    c.multiSource = row.multiSource, c.signals = row.signals, c.neglected = row.neglected,
    c.signalsAt = datetime()
RETURN count(c) AS written
