// What an import would change: the stored content hash of each comment and of its paragraphs.
UNWIND $ids AS id
OPTIONAL MATCH (g:GeneralComment {id: id})
RETURN id,
       g.contentHash AS hash,
       COLLECT {
         MATCH (p:GeneralCommentParagraph {generalComment: id})
         RETURN {id: p.id, hash: p.contentHash}
       } AS paragraphs
