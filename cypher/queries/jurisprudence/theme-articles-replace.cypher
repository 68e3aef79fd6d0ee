// Replaces the theme-to-article crosswalk (reference/theme-articles.csv) with the given rows:
// one ThemeArticles node per theme (scheme, code), rows no longer in the file removed.
UNWIND $rows AS row
MERGE (x:ThemeArticles {scheme: row.scheme, code: row.code})
SET x.label = row.label, x.articles = row.articles, x.articleKeys = row.articleKeys,
    x.basis = row.basis
WITH collect(row.scheme + '|' + row.code) AS kept
MATCH (old:ThemeArticles)
WHERE NOT old.scheme + '|' + old.code IN kept
DELETE old
RETURN count(old) AS removed
