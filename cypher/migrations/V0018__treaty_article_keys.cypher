// Treaty articles stored before citations (V0017): optional protocols renamed to their own code,
// and every article given its article-level key.
// Optional protocols by their own code, as citations name them (CEDAW-OP-4-2-c is OPCEDAW-4-2-c).
MATCH (a:TreatyArticle)
WITH a, {`CCPR-OP`: 'OPCCPR', `CCPR-OP1`: 'OPCCPR', `CCPR-OP2`: 'OP2CCPR', `CEDAW-OP`: 'OPCEDAW',
  `CAT-OP`: 'OPCAT', `CESCR-OP`: 'OPCESCR', `CRPD-OP`: 'OPCRPD', `CRC-OP`: 'OPIC'}[a.instrument] AS renamed
WHERE renamed IS NOT NULL
SET a.code = renamed + substring(a.code, size(a.instrument)), a.instrument = renamed;
MATCH (a:TreatyArticle)
WHERE a.articleKey IS NULL
SET a.articleKey = a.instrument + '-' + a.article;
