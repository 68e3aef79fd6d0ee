// One full-text index per analysed language, each over the recommendations labelled with that
// language (a full-text index has one analyzer): stemming and stop words of the text's own
// language. The imports set the labels from `language`; recommendation_text (V0002, Neo4j's
// default analyzer) stays over all recommendations and serves texts in any other language
// (docs/graph-model.md#full-text-search).
CREATE FULLTEXT INDEX recommendation_text_en IF NOT EXISTS FOR (r:TextEn) ON EACH [r.text]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
CREATE FULLTEXT INDEX recommendation_text_es IF NOT EXISTS FOR (r:TextEs) ON EACH [r.text]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'spanish'}};
CREATE FULLTEXT INDEX recommendation_text_fr IF NOT EXISTS FOR (r:TextFr) ON EACH [r.text]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'french'}};
// The `languages` filter of recommendations(filter:) without a text search.
CREATE INDEX recommendation_language IF NOT EXISTS FOR (r:Recommendation) ON (r.language);
