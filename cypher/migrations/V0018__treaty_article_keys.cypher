// Treaty articles stored before citations (V0017): optional protocols renamed to their own code,
// as citations name them (CEDAW-OP-4-2-c is OPCEDAW-4-2-c), and every article given its
// article-level key. An old node whose new code already exists (or that another old node takes
// first: CCPR-OP-1 and CCPR-OP1-1 are both OPCCPR-1) is merged into it: its APPLIES and
// INTERPRETS links move over, then it is removed.
MATCH (a:TreatyArticle)
WITH a, {`CCPR-OP`: 'OPCCPR', `CCPR-OP1`: 'OPCCPR', `CCPR-OP2`: 'OP2CCPR', `CEDAW-OP`: 'OPCEDAW',
  `CAT-OP`: 'OPCAT', `CESCR-OP`: 'OPCESCR', `CRPD-OP`: 'OPCRPD', `CRC-OP`: 'OPIC'}[a.instrument] AS renamed
WHERE renamed IS NOT NULL
MATCH (b:TreatyArticle {code: renamed + substring(a.code, size(a.instrument))})
CALL (a, b) {
  MATCH (d)-[old:APPLIES]->(a)
  MERGE (d)-[new:APPLIES]->(b)
  SET new.violated = coalesce(new.violated, old.violated)
}
CALL (a, b) {
  MATCH (g)-[old:INTERPRETS]->(a)
  MERGE (g)-[new:INTERPRETS]->(b)
  SET new.source = coalesce(new.source, old.source)
}
DETACH DELETE a;
MATCH (a:TreatyArticle)
WITH a, {`CCPR-OP`: 'OPCCPR', `CCPR-OP1`: 'OPCCPR', `CCPR-OP2`: 'OP2CCPR', `CEDAW-OP`: 'OPCEDAW',
  `CAT-OP`: 'OPCAT', `CESCR-OP`: 'OPCESCR', `CRPD-OP`: 'OPCRPD', `CRC-OP`: 'OPIC'}[a.instrument] AS renamed
WHERE renamed IS NOT NULL
WITH renamed + substring(a.code, size(a.instrument)) AS code, renamed, collect(a) AS olds
WITH code, renamed, head(olds) AS a
SET a.code = code, a.instrument = renamed;
MATCH (a:TreatyArticle)
WITH a, {`CCPR-OP`: 'OPCCPR', `CCPR-OP1`: 'OPCCPR', `CCPR-OP2`: 'OP2CCPR', `CEDAW-OP`: 'OPCEDAW',
  `CAT-OP`: 'OPCAT', `CESCR-OP`: 'OPCESCR', `CRPD-OP`: 'OPCRPD', `CRC-OP`: 'OPIC'}[a.instrument] AS renamed
WHERE renamed IS NOT NULL
MATCH (b:TreatyArticle {code: renamed + substring(a.code, size(a.instrument))})
CALL (a, b) {
  MATCH (d)-[old:APPLIES]->(a)
  MERGE (d)-[new:APPLIES]->(b)
  SET new.violated = coalesce(new.violated, old.violated)
}
CALL (a, b) {
  MATCH (g)-[old:INTERPRETS]->(a)
  MERGE (g)-[new:INTERPRETS]->(b)
  SET new.source = coalesce(new.source, old.source)
}
DETACH DELETE a;
MATCH (a:TreatyArticle)
WHERE a.articleKey IS NULL
SET a.articleKey = a.instrument + '-' + a.article;
