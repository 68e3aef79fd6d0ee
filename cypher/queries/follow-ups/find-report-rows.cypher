// Everything the committee's follow-up report shows about a state's recommendations: the
// overlap cluster of each, and the actions addressing it with their agencies and latest update.
MATCH (r:Recommendation {state: $state})
OPTIONAL MATCH (c:OverlapCluster)-[:HAS_MEMBER]->(r)
RETURN r {.id, .text, .mechanism, .year, .cycle, .session, .response, .documentSymbol,
          .paragraph, date: r.date} AS recommendation,
       c {.id, .size, .mechanisms, .mechanismCount, .firstYear, .lastYear} AS cluster,
       COLLECT {
         MATCH (a:FollowUpAction)-[:ADDRESSES]->(r)
         RETURN a {.id, .title, .status, .dueDate, .completedDate,
           agencies: COLLECT { MATCH (g:Agency)-[:RESPONSIBLE_FOR]->(a) RETURN g.name ORDER BY g.name },
           latest: COLLECT {
             MATCH (a)-[:HAS_PROGRESS]->(p:ProgressUpdate)
             RETURN p {.date, .status, .note, .author} ORDER BY p.date DESC, p.createdAt DESC LIMIT 1
           }[0]
         } ORDER BY a.dueDate, a.id
       } AS actions
ORDER BY r.year, r.id
