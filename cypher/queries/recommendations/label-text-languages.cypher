// The label of its text's language on every recommendation in an analysed language, which puts
// the text in that language's full-text index (docs/graph-model.md#full-text-search). The
// imports set it as they write (imports/create-recommendations, imports/upsert-recommendations).
MATCH (r:Recommendation)
WHERE r.language IN ['en', 'es', 'fr']
WITH r, [x IN [['en', 'TextEn'], ['es', 'TextEs'], ['fr', 'TextFr']] WHERE x[0] = r.language | x[1]] AS textLabels
SET r:$(textLabels)
