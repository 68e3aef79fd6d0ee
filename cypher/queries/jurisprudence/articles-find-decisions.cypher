// The decisions that apply each treaty article, newest first.
UNWIND $codes AS code
MATCH (:TreatyArticle {code: code})<-[:APPLIES]-(d:Decision)
WITH code, d
ORDER BY d.sortKey DESC
RETURN code AS key, collect(d {.*}) AS items
