// Paragraphs of re-imported comments that their latest import no longer has.
UNWIND $comments AS c
MATCH (p:GeneralCommentParagraph {generalComment: c.id})
WHERE NOT p.id IN c.keep
DETACH DELETE p
RETURN count(*) AS removed
