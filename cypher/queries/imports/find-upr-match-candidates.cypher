// UPR recommendations with the families of sources that know them ("upr-info", "upr-report"),
// and what blocking and scoring need.
MATCH (r:Recommendation {mechanism: 'UPR'})-[:FROM_SOURCE]->(src:SourceRecord)
WITH r, collect(DISTINCT split(src.dataset, ':')[0]) AS families
WHERE any(family IN families WHERE family IN $families)
RETURN r.id AS id, r.state AS state, r.cycle AS cycle, r.text AS text, families,
       COLLECT { MATCH (r)-[:RECOMMENDED_BY]->(s:State) RETURN s.iso3 } AS recommending
