"""Assembles documents that are not CLADEM's from real texts in ../shared/data, to run the
document importer on (docs/benchmarks.md#documents-not-from-cladem). Standard library only.

    python3 eval/documents/assemble.py OUT_DIR

Writes, each with a FILE.meta.json sidecar (mechanism, state, symbol, date, language):
- slovenia-A_HRC_28_15.docx: the 163 recommendations of the UPR Working Group report on Slovenia,
  cycle 2 (A/HRC/28/15), as a Word file: the section heading, then one paragraph per
  recommendation "115.n text (States);", from OHCHR's thematic list
  (../shared/data/upr-slovenia-thematic-lists);
- slovenia-A_HRC_43_15.txt: cycle 3 (A/HRC/43/15), the same as plain text;
- slovenia-A_HRC_59_15.md: cycle 4 (A/HRC/59/15), as Markdown with the heading as `##`.
The section heading ("Conclusions and/or recommendations") is the one these reports use; nothing
else is written here that the sources do not say.
"""
import csv, html, json, pathlib, sys, zipfile

data = pathlib.Path(__file__).resolve().parents[3] / 'shared' / 'data'
out = pathlib.Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
rows = list(csv.DictReader(open(data / 'upr-slovenia-thematic-lists' / 'slovenia_upr_thematic_recommendations_c2-c4.csv', encoding='utf-8')))
HEADING = 'II. Conclusions and/or recommendations'
DOCS = {'2': ('A/HRC/28/15', '2015', 'docx'), '3': ('A/HRC/43/15', '2020', 'txt'), '4': ('A/HRC/59/15', '2025', 'md')}


def items(cycle):
    seen, result = set(), []
    for r in sorted((r for r in rows if r['cycle'] == cycle), key=lambda r: [int(x) for x in r['paragraph'].split('.')]):
        if r['paragraph'] not in seen:
            seen.add(r['paragraph'])
            result.append(f"{r['paragraph']} {r['text']}")
    return result


def docx(path, heading, paragraphs):
    def para(text, style=None):
        props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ''
        return f'<w:p>{props}<w:r><w:t xml:space="preserve">{html.escape(text)}</w:t></w:r></w:p>'
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = para(heading, 'Heading1') + ''.join(para(p) for p in paragraphs)
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>')
        z.writestr('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr('word/_rels/document.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
        z.writestr('word/document.xml', f'<?xml version="1.0" encoding="UTF-8"?><w:document {ns}><w:body>{body}</w:body></w:document>')
        z.writestr('word/styles.xml', f'<?xml version="1.0" encoding="UTF-8"?><w:styles {ns}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>')


for cycle, (symbol, year, kind) in DOCS.items():
    name = out / f"slovenia-{symbol.replace('/', '_')}.{kind}"
    paragraphs = items(cycle)
    if kind == 'docx':
        docx(name, HEADING, paragraphs)
    elif kind == 'txt':
        name.write_text(HEADING + '\n\n' + '\n\n'.join(paragraphs) + '\n', encoding='utf-8')
    else:
        name.write_text('## ' + HEADING + '\n\n' + '\n\n'.join(paragraphs) + '\n', encoding='utf-8')
    meta = {'mechanism': 'UPR', 'state': 'SVN', 'symbol': symbol, 'date': year, 'language': 'en', 'cycle': int(cycle),
            'kind': 'UPR_WORKING_GROUP_REPORT', 'source': {'dataset': 'eval-documents'}}
    pathlib.Path(f'{name}.meta.json').write_text(json.dumps(meta, indent=2) + '\n', encoding='utf-8')
    print(f'{name}: {len(paragraphs)} recommendations')
