// References no recommendation cites any more (after texts were read again) are removed.
MATCH (c:Citation)
WHERE NOT (c)<-[:CITES]-()
DETACH DELETE c
RETURN count(*) AS removed
