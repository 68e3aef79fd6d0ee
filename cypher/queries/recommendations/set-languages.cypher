// The guessed language of recommendations that had none. Their overlap analysis was made as
// English; one in another language is compared again on the next detection run ('' = not
// compared, see overlaps/states-to-detect).
UNWIND $rows AS row
MATCH (r:Recommendation {id: row.id})
WHERE r.language IS NULL
SET r.language = row.language,
    r.overlapDetector = CASE WHEN row.language = 'en' THEN r.overlapDetector ELSE '' END
