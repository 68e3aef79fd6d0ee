// The recommendations citing a general comment (by its id) or a treaty article (its code, or a
// deeper level of it: CEDAW-2 takes CEDAW-2-e), by id.
CALL () {
  MATCH (:GeneralComment {id: $id})<-[:REFERS_TO]-(:Citation)<-[:CITES]-(r:Recommendation)
  RETURN r
  UNION
  MATCH (a:TreatyArticle)
  WHERE a.code = $id OR a.code STARTS WITH $id + '-'
  MATCH (a)<-[:REFERS_TO]-(:Citation)<-[:CITES]-(r:Recommendation)
  RETURN r
}
RETURN DISTINCT r.id AS id
ORDER BY id
