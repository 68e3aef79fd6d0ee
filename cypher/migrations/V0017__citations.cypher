// Citations read from recommendation texts (docs/jurisprudence.md, "Citations"): one node per
// canonical reference (`CEDAW/GR/35`, `CEDAW/C/ARG/CO/6#12`, `CEDAW 22/2009`, `CESCR-7-a-ii`,
// `IACTHR:…`), cited by recommendations (CITES, with the spans) and pointing at its target
// (REFERS_TO) once the graph holds it.
CREATE CONSTRAINT citation_reference IF NOT EXISTS FOR (c:Citation) REQUIRE c.reference IS UNIQUE;
CREATE INDEX citation_kind IF NOT EXISTS FOR (c:Citation) ON (c.kind);
// Treaty articles are matched at article level (CCPR-14-1 and CCPR-14-3 are both CCPR-14).
CREATE INDEX treaty_article_key IF NOT EXISTS FOR (a:TreatyArticle) ON (a.articleKey);
CREATE INDEX recommendation_citations_read IF NOT EXISTS FOR (r:Recommendation) ON (r.citationsRead);
// The theme-to-article crosswalk (reference/theme-articles.csv), loaded by V0019.
CREATE CONSTRAINT theme_articles_key IF NOT EXISTS FOR (x:ThemeArticles) REQUIRE (x.scheme, x.code) IS UNIQUE;
