// The paragraphs of each comment, in number order, for the DataLoader.
UNWIND $ids AS id
MATCH (p:GeneralCommentParagraph {generalComment: id})
WITH id, p ORDER BY p.number, p.position
RETURN id AS key, collect(p {.*}) AS items
