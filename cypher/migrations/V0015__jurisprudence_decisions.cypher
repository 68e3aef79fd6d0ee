// Decisions on individual complaints and court judgments (treaty-body views and inadmissibility
// decisions, ECtHR judgments), keyed by a symbol- or application-number-based id, and the treaty
// articles they apply (`CCPR-14-1`). docs/jurisprudence.md, "Decisions and treaty articles".
CREATE CONSTRAINT decision_id IF NOT EXISTS FOR (d:Decision) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT treaty_article_code IF NOT EXISTS FOR (a:TreatyArticle) REQUIRE a.code IS UNIQUE;
CREATE INDEX decision_sort_key IF NOT EXISTS FOR (d:Decision) ON (d.sortKey);
CREATE INDEX decision_body IF NOT EXISTS FOR (d:Decision) ON (d.body);
CREATE INDEX decision_outcome IF NOT EXISTS FOR (d:Decision) ON (d.outcome);
CREATE INDEX decision_year IF NOT EXISTS FOR (d:Decision) ON (d.year);
CREATE INDEX decision_symbol IF NOT EXISTS FOR (d:Decision) ON (d.symbol);
CREATE INDEX treaty_article_instrument IF NOT EXISTS FOR (a:TreatyArticle) ON (a.instrument);
