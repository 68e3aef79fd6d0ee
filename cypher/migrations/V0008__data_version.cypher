// One node per kind of data whose version the analytics caches check (recommendationStats).
CREATE CONSTRAINT data_version_id IF NOT EXISTS FOR (v:DataVersion) REQUIRE v.id IS UNIQUE;
