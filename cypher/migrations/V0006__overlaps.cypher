// Overlap detection: clusters are keyed, and reviewers find links by their relationship id.
CREATE CONSTRAINT overlap_cluster_id IF NOT EXISTS FOR (c:OverlapCluster) REQUIRE c.id IS UNIQUE;
CREATE INDEX overlap_cluster_state IF NOT EXISTS FOR (c:OverlapCluster) ON (c.state);
CREATE INDEX overlaps_status IF NOT EXISTS FOR ()-[o:OVERLAPS]-() ON (o.status);
