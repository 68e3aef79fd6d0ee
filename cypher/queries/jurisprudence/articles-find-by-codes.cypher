// Treaty articles by code, in no particular order (unknown codes are left out).
UNWIND $codes AS code
MATCH (a:TreatyArticle {code: code})
RETURN a {.code, .instrument, .article, .paragraph, .subparagraph} AS article
