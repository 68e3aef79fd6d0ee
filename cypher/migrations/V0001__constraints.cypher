// Uniqueness constraints on every natural key. Each also gives a range index on its key.
CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (m:__Migration) REQUIRE m.version IS UNIQUE;
CREATE CONSTRAINT mechanism_code IF NOT EXISTS FOR (m:Mechanism) REQUIRE m.code IS UNIQUE;
CREATE CONSTRAINT state_iso3 IF NOT EXISTS FOR (s:State) REQUIRE s.iso3 IS UNIQUE;
CREATE CONSTRAINT region_code IF NOT EXISTS FOR (r:Region) REQUIRE r.code IS UNIQUE;
CREATE CONSTRAINT document_symbol IF NOT EXISTS FOR (d:Document) REQUIRE d.symbol IS UNIQUE;
CREATE CONSTRAINT review_id IF NOT EXISTS FOR (r:Review) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT recommendation_id IF NOT EXISTS FOR (r:Recommendation) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT theme_scheme_code IF NOT EXISTS FOR (t:Theme) REQUIRE (t.scheme, t.code) IS UNIQUE;
CREATE CONSTRAINT affected_group_code IF NOT EXISTS FOR (g:AffectedGroup) REQUIRE g.code IS UNIQUE;
CREATE CONSTRAINT sdg_goal_code IF NOT EXISTS FOR (g:SdgGoal) REQUIRE g.code IS UNIQUE;
CREATE CONSTRAINT sdg_target_code IF NOT EXISTS FOR (t:SdgTarget) REQUIRE t.code IS UNIQUE;
CREATE CONSTRAINT instrument_code IF NOT EXISTS FOR (i:Instrument) REQUIRE i.code IS UNIQUE;
CREATE CONSTRAINT cycle_id IF NOT EXISTS FOR (c:Cycle) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT source_record_key IF NOT EXISTS FOR (s:SourceRecord) REQUIRE (s.dataset, s.sourceId) IS UNIQUE;
