// Voluntary pledges are keyed like recommendations; textKey (mechanism/state/cycle/wording
// fingerprint) is how a source without document symbols finds a recommendation another source
// brought under another id.
CREATE CONSTRAINT pledge_id IF NOT EXISTS FOR (p:Pledge) REQUIRE p.id IS UNIQUE;
CREATE INDEX recommendation_text_key IF NOT EXISTS FOR (r:Recommendation) ON (r.textKey);
