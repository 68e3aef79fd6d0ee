// The voluntary pledges a state made at its reviews, oldest cycle first, with their themes and
// sources.
MATCH (p:Pledge)-[:PLEDGED_BY]->(:State {iso3: $state})
RETURN p {.id, .text, .language, .mechanism, .cycle, .session, .year,
  themes: COLLECT {
    MATCH (p)-[:HAS_THEME]->(t:Theme) RETURN t {.scheme, .code, .label} ORDER BY t.scheme, t.code
  },
  sources: COLLECT {
    MATCH (p)-[:FROM_SOURCE]->(s:SourceRecord)
    RETURN s {.dataset, .sourceId, .actionCategory, .notes} ORDER BY s.dataset, s.sourceId
  }
} AS pledge
ORDER BY p.cycle, p.session, p.id
