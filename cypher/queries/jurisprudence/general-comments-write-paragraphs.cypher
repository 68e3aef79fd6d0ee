// Upserts paragraphs under their (already written) comment.
UNWIND $paragraphs AS p
MATCH (g:GeneralComment {id: p.generalComment})
MERGE (n:GeneralCommentParagraph {id: p.id})
SET n += p.props
MERGE (g)-[:HAS_PARAGRAPH]->(n)
RETURN count(n) AS written
