// Filters on recommendations read these properties (copies of the keys of the State, Mechanism
// and Review a recommendation hangs off), so a filter is an index seek rather than a traversal
// from every recommendation at 1M scale.
CREATE INDEX recommendation_state IF NOT EXISTS FOR (r:Recommendation) ON (r.state);
CREATE INDEX recommendation_mechanism IF NOT EXISTS FOR (r:Recommendation) ON (r.mechanism);
CREATE INDEX recommendation_year IF NOT EXISTS FOR (r:Recommendation) ON (r.year);
CREATE INDEX recommendation_cycle IF NOT EXISTS FOR (r:Recommendation) ON (r.cycle);
CREATE INDEX recommendation_response IF NOT EXISTS FOR (r:Recommendation) ON (r.response);
CREATE FULLTEXT INDEX recommendation_text IF NOT EXISTS FOR (r:Recommendation) ON EACH [r.text];
