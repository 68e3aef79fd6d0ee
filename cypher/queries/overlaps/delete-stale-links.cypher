// Forgets the suggestions an incremental run no longer finds between recommendations it compared
// again (reworded, or compared by an older detector version): only decided links are kept. With
// them go the REPEATS between the same two recommendations. Reviewed links stay.
UNWIND $pairs AS p
MATCH (a:Recommendation {id: p.a})-[o:OVERLAPS]->(b:Recommendation {id: p.b})
WHERE o.status = 'SUGGESTED'
OPTIONAL MATCH (a)-[x:REPEATS]-(b)
DELETE o, x
