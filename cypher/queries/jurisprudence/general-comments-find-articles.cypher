// The treaty articles each comment interprets, by code, for the DataLoader.
UNWIND $ids AS id
MATCH (:GeneralComment {id: id})-[:INTERPRETS]->(a:TreatyArticle)
WITH id, a.code AS code ORDER BY code
RETURN id AS key, collect(code) AS items
