// Records the day on which every state's OVERDUE signals were judged. Not a new version of the
// follow-up data: the cached counts do not read OVERDUE.
MERGE (v:DataVersion {id: 'follow-up'})
SET v.overdueJudgedOn = date($today)
