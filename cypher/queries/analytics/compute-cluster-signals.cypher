// The signals of non-implementation of each overlap cluster of the given states, computed from
// the graph as it is (docs/analytics.md, "Neglect"). Stored on the clusters by
// write-cluster-signals; the tests compare the stored figures with this computation. With
// $members (recommendation ids), only the clusters holding one of them: found from the members,
// so an import batch touching many states does not look up every member in every state.
CALL () {
  UNWIND $states AS state
  WITH state WHERE $members IS NULL
  MATCH (c:OverlapCluster {state: state})
  RETURN c
  UNION
  UNWIND coalesce($members, []) AS id
  MATCH (:Recommendation {id: id})<-[:HAS_MEMBER]-(c:OverlapCluster)
  WHERE c.state IN $states
  RETURN c
}
WITH c, c.state AS state
CALL (c) {
  MATCH (c)-[:HAS_MEMBER]->(r:Recommendation)
  OPTIONAL CALL (r) {
    MATCH (s:Assessment)-[:ASSESSES]->(r)
    RETURN s.commonGrade AS grade
    ORDER BY s.date DESC, s.recordedAt DESC
    LIMIT 1
  }
  WITH r, grade ORDER BY r.id
  RETURN collect(CASE WHEN r.response = 'NOTED' THEN r.id END) AS noted,
         collect(CASE WHEN grade IN ['NOT_IMPLEMENTED', 'CONTRARY', 'NO_INFORMATION'] THEN r.id END) AS assessed,
         collect(CASE WHEN EXISTS { (r)-[:REPEATS]-(:Recommendation) } THEN r.id END) AS repeated,
         collect(DISTINCT r.cycle) AS cycles
}
CALL (c) {
  OPTIONAL MATCH (c)-[:HAS_MEMBER]->(:Recommendation)-[:RECOMMENDED_BY]->(s:State)
  RETURN count(DISTINCT s) AS recommenders
}
// The state's M49 regions at every level, so that a region filter is a list check.
CALL (state) {
  OPTIONAL MATCH (:State {iso3: state})-[:IN_REGION]->(:Region)-[:PART_OF*0..4]->(g:Region)
  WITH DISTINCT g.code AS code ORDER BY code
  RETURN collect(code) AS regions
}
CALL (c) {
  OPTIONAL MATCH (c)-[:HAS_MEMBER]->(:Recommendation)-[:HAS_THEME]->(t:Theme)
  WITH t, count(t) AS n
  WHERE t IS NOT NULL
  ORDER BY n DESC, t.scheme, t.code
  RETURN collect(t.scheme + ':' + t.code) AS themes
}
CALL (c) {
  OPTIONAL MATCH (c)-[:HAS_MEMBER]->(:Recommendation)<-[:ADDRESSES]-(a:FollowUpAction)
  WITH DISTINCT a ORDER BY a.id
  RETURN collect(a.id) AS actions,
         collect(a.status) AS statuses,
         collect(CASE WHEN a.dueDate < date($today) AND NOT a.status IN ['COMPLETED', 'CANCELLED']
                      THEN a.id END) AS overdue
}
// Adverse jurisprudence on the cluster's rights (docs/jurisprudence.md, "Jurisprudence gaps"):
// decisions against the state on an article a member cites or one its themes are crosswalked to
// (ThemeArticles), at article level, that found a violation of it, or treaty-body views whose
// outcome the source does not record.
CALL (c, state) {
  OPTIONAL MATCH (c)-[:HAS_MEMBER]->(r:Recommendation)
  CALL (r) {
    MATCH (r)-[:HAS_THEME]->(t:Theme)
    MATCH (x:ThemeArticles {scheme: t.scheme, code: t.code})
    UNWIND x.articleKeys AS key
    RETURN key
    UNION
    MATCH (r)-[:CITES]->(:Citation)-[:REFERS_TO]->(a:TreatyArticle)
    RETURN a.articleKey AS key
  }
  WITH DISTINCT key
  MATCH (:State {iso3: state})<-[:AGAINST]-(d:Decision)-[ap:APPLIES]->(:TreatyArticle {articleKey: key})
  WHERE ap.violated
     OR (ap.violated IS NULL AND (d.outcome = 'VIOLATION' OR (d.kind = 'VIEWS' AND d.outcome IS NULL)))
  WITH DISTINCT d ORDER BY d.id
  RETURN collect(d.id) AS adverse
}
WITH c, state, noted, assessed, repeated, [y IN cycles WHERE y IS NOT NULL] AS cycles,
     recommenders, regions, themes, actions, overdue, adverse,
     'COMPLETED' IN statuses AS completed,
     size([s IN statuses WHERE NOT s IN ['CANCELLED', 'BLOCKED']]) = 0 AS noAction,
     // Missing follow-up is evidence only where the state's follow-up is kept here at all.
     EXISTS { (:FollowUpAction {state: state}) } AS tracked
WITH c, noted, assessed, repeated, cycles, recommenders, regions, themes, actions, overdue,
     adverse, completed, noAction AND tracked AS noActionSignal,
     c.mechanismCount >= 2 OR recommenders >= 2 AS multiSource
WITH c, noted, assessed, repeated, cycles, recommenders, regions, themes, actions, overdue,
     adverse, completed, multiSource,
     [x IN [['NOTED', size(noted) > 0],
            ['NOT_IMPLEMENTED', size(assessed) > 0],
            ['REPEATED', size(repeated) > 0 OR size(cycles) >= 2],
            ['NO_ACTION', noActionSignal],
            ['OVERDUE', size(overdue) > 0],
            ['ADVERSE_JURISPRUDENCE', size(adverse) > 0]] WHERE x[1] | x[0]] AS signals
RETURN c.id AS id, c.state AS state, noted, assessed, repeated, cycles, recommenders,
       regions, themes, actions, overdue, adverse, completed, multiSource, signals,
       // ADVERSE_JURISPRUDENCE is context on the right, not evidence about the response: alone it
       // does not make a cluster neglected (docs/findings.md, "With jurisprudence").
       multiSource AND size([x IN signals WHERE x <> 'ADVERSE_JURISPRUDENCE']) > 0
         AND NOT completed AS neglected
ORDER BY id
