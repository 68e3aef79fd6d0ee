// Treaty bodies' general comments and recommendations (docs/jurisprudence.md): a comment by its
// canonical reference (CEDAW/GR/35, CCPR/GC/36), its paragraphs by `{reference}#{n}` and by the
// comment they belong to (a copied key, so a page of comments loads its paragraphs by index).
CREATE CONSTRAINT general_comment_id IF NOT EXISTS FOR (g:GeneralComment) REQUIRE g.id IS UNIQUE;
CREATE CONSTRAINT general_comment_paragraph_id IF NOT EXISTS FOR (p:GeneralCommentParagraph) REQUIRE p.id IS UNIQUE;
CREATE INDEX general_comment_paragraph_comment IF NOT EXISTS FOR (p:GeneralCommentParagraph) ON (p.generalComment);
