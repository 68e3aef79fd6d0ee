// The units of imported documents that are not recommendations (concerns, chapeaux, narrative),
// by `{documentSymbol}#{paragraph}` like recommendations; and documents by the state they address.
CREATE CONSTRAINT document_paragraph_id IF NOT EXISTS FOR (p:DocumentParagraph) REQUIRE p.id IS UNIQUE;
CREATE INDEX document_state IF NOT EXISTS FOR (d:Document) ON (d.state);
