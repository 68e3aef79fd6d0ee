// A comment by its canonical reference or by any of its aliases (a joint comment's other body).
MATCH (g:GeneralComment)
WHERE g.id = $reference OR $reference IN g.aliases
RETURN g {.*} AS comment
ORDER BY CASE WHEN g.id = $reference THEN 0 ELSE 1 END
LIMIT 1
