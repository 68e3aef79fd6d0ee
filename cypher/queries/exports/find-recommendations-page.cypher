// One page of recommendations in id order with everything the canonical NDJSON holds.
MATCH (r:Recommendation)
WHERE $after IS NULL OR r.id > $after
WITH r ORDER BY r.id LIMIT toInteger($limit)
MATCH (r)-[:ISSUED_BY]->(m:Mechanism)
CALL (r) {
  OPTIONAL MATCH (r)-[:RECOMMENDED_BY]->(s:State)
  WITH s ORDER BY s.iso3
  RETURN collect(s.iso3) AS recommendingStates
}
CALL (r) {
  OPTIONAL MATCH (r)-[:HAS_THEME]->(t:Theme)
  WITH t ORDER BY t.scheme, t.code
  RETURN collect(t {.scheme, .code, .label}) AS themes
}
CALL (r) {
  OPTIONAL MATCH (r)-[:CONCERNS]->(g:AffectedGroup)
  WITH g ORDER BY g.code
  RETURN collect(g {.code, .label}) AS affectedPersons
}
CALL (r) {
  OPTIONAL MATCH (r)-[:SUPPORTS_SDG]->(x)
  WITH x ORDER BY x.code
  RETURN [y IN collect(x) WHERE y:SdgGoal | y.code] AS sdgGoals, [y IN collect(x) WHERE y:SdgTarget | y.code] AS sdgTargets
}
CALL (r) {
  OPTIONAL MATCH (r)-[:FROM_SOURCE]->(src:SourceRecord)
  WITH src ORDER BY src.dataset, src.sourceId
  RETURN collect({dataset: src.dataset, id: src.sourceId, actionCategory: src.actionCategory,
                  notes: src.notes}) AS sources
}
RETURN r {.id, .text, .language, .year, .documentSymbol, .paragraph, .cycle, .session, .response,
          .recommendingStatesUnmatched, date: toString(r.date)} AS recommendation,
       m {.code, .kind, .name} AS mechanism, r.state AS state,
       recommendingStates, themes, affectedPersons, sdgGoals, sdgTargets, sources
