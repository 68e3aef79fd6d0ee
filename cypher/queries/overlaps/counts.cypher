// What the graph holds after detection.
CALL () { MATCH ()-[o:OVERLAPS]->() RETURN count(o) AS overlaps }
CALL () { MATCH ()-[x:REPEATS]->() RETURN count(x) AS repeats }
CALL () { MATCH (c:OverlapCluster) RETURN count(c) AS clusters }
RETURN overlaps, repeats, clusters
