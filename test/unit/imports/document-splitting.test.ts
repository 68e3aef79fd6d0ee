/**
 * How a document is split into paragraph units with their official numbering, and how each is
 * told apart: recommendation, concern, chapeau, quotation or narrative (documents/classify.ts).
 * Inputs are excerpts of real documents (CEDAW/C/ARG/CO/7, A/HRC/37/5, an IACHR report and a
 * MESECVI report as CLADEM published them in demo/cladem; A/HRC/28/15 from demo/slovenia_…csv),
 * except the English and French sentences of one test and the one-word items of another, written
 * for the test: shared/data has no French recommendation text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyDocument } from '../../../src/features/imports/documents/classify.ts';
import { readDocumentLines } from '../../../src/features/imports/documents/read-document.ts';
import { segment } from '../../../src/features/imports/documents/segment.ts';

const fixture = (name: string) =>
  fs
    .readFileSync(path.join(import.meta.dirname, '../../fixtures/documents', name), 'utf8')
    .split('\n');
const byLabel = (lines: string[], language: 'en' | 'es' | 'fr' = 'es') =>
  new Map(classifyDocument(lines, language).units.map((u) => [u.label, u]));

describe('splitting a document into paragraph units', () => {
  it('keeps official paragraph numbers and labels lettered sub-items under their paragraph', () => {
    const units = byLabel(fixture('cladem-arg-cedaw-7.md'));
    expect([...units.keys()].slice(0, 8)).toEqual([
      '1',
      '8',
      '9',
      '9(a)',
      '9(b)',
      '9(c)',
      '10',
      '10(a)',
    ]);
  });

  it('reads UPR items as sub-items of their chapeau, also when a list restarts at 1', () => {
    const upr = segment([
      '64. La Argentina ha examinado las recomendaciones formuladas durante el',
      'diálogo interactivo, y las recomendaciones que figuran a continuación',
      'cuentan con su apoyo:',
      '',
      '    (…)',
      '',
      '2. Adoptar nuevas medidas para abordar todas las formas de discriminación',
      'contra mujeres, niños, minorías y poblaciones indígenas (Reino Unido,',
      'México);',
      '',
      '107. **La Argentina examinará las recomendaciones que figuran a continuación:**',
      '',
      '     107.14 **Crear la figura del Defensor de los Derechos de Niñas, Niños y',
      '     Adolescentes y proceder a su designación (Costa Rica);**',
    ]).units;
    expect(upr.map((u) => [u.label, u.parent])).toEqual([
      ['64', null],
      ['64.2', '64'],
      ['107', null],
      ['107.14', '107'],
    ]);
  });

  it('takes "i" after "h" for a letter, MESECVI\'s "1.a." for paragraph 1, and letters under "5.1 …" headings as 5.1(a)', () => {
    const labels = segment([
      '12. El Comité recomienda:',
      '',
      'h. uno;',
      '',
      'i. dos;',
      '',
      '1.a. Tres.',
      '',
      '#### 5.1 Recomendaciones Generales',
      '',
      'a. Continuar los esfuerzos.',
    ]).units.map((u) => u.label);
    expect(labels).toEqual(['12', '12(h)', '12(i)', '1', '1(a)', '5.1', '5.1(a)']);
  });

  it('reads plain-text headings, and keeps a list under its chapeau across unnumbered sub-headings (IACHR)', () => {
    const units = segment([
      'II. Conclusions and/or recommendations',
      '',
      '859. Sobre la base de la información y análisis realizado por la Comisión, la CIDH recomienda al Estado colombiano:',
      '',
      'Continuidad de homicidios, desapariciones, amenazas y señalamientos contra',
      'pueblos indígenas y el especial impacto en sus autoridades tradicionales,',
      'líderes y lideresas',
      '',
      '4. Proteger la vida e integridad de las personas indígenas colombianas.',
    ]).units;
    expect(units.map((u) => [u.label, u.headings.at(-1)])).toEqual([
      ['859', 'II. Conclusions and/or recommendations'],
      [
        '859.4',
        'Continuidad de homicidios, desapariciones, amenazas y señalamientos contra pueblos indígenas y el especial impacto en sus autoridades tradicionales, líderes y lideresas',
      ],
    ]);
  });

  it("numbers a Word file's automatic paragraphs on across headings, and leaves its footnotes out", async () => {
    const lines = await readDocumentLines(
      path.join(import.meta.dirname, '../../fixtures/documents/numbered-cedaw-arg.docx'),
    );
    const units = classifyDocument(lines, 'es').units;
    expect(units.map((u) => [u.label, u.kind])).toEqual([
      ['1', 'NARRATIVE'],
      ['2', 'CONCERN'],
      ['3', 'CHAPEAU'],
      ['3(a)', 'RECOMMENDATION'],
      ['3(b)', 'RECOMMENDATION'],
    ]);
    expect(units[1]!.headings).toEqual(['Marco legislativo']);
    // The footnote (the report's symbol and date) is neither in the text nor a unit of its own.
    expect(lines.join(' ')).not.toMatch(/noviembre de 2016|\[1\]/u);
  });
});

describe('telling recommendations from concerns and narrative', () => {
  it('makes the sub-items of a recommending chapeau recommendations, with the chapeau and the concern before it as context', () => {
    const units = byLabel(fixture('cladem-arg-cedaw-7.md'));
    expect(units.get('8')!.kind).toBe('CONCERN');
    expect(units.get('9')!.kind).toBe('CHAPEAU');
    const item = units.get('9(a)')!;
    expect(item.kind).toBe('RECOMMENDATION');
    expect(item.text).toMatch(/^Adopte las medidas necesarias/u);
    expect(item.chapeau).toBe('El Comité recomienda que el Estado parte:');
    expect(item.concernLabels).toEqual(['8']);
    expect(item.text).not.toContain('El Comité recomienda');
  });

  it('finds the operative verb far from its subject ("El Comité, en consonancia con …, recomienda")', () => {
    const units = byLabel(fixture('cladem-arg-cedaw-7.md'));
    expect(units.get('13')!.kind).toBe('CHAPEAU');
    expect(units.get('13(a)')!.kind).toBe('RECOMMENDATION');
    // 12's sub-items are the concerns 13 answers.
    expect(units.get('12(a)')!.kind).toBe('CONCERN');
    expect(units.get('13(a)')!.concernLabels).toEqual([
      '12',
      '12(a)',
      '12(b)',
      '12(c)',
      '12(d)',
      '12(e)',
    ]);
  });

  it('reads the operative phrases of English and French documents', () => {
    const en = byLabel(
      [
        '12. The Committee is concerned about the high number of women in pretrial detention.',
        '',
        '13. The Committee recommends that the State party reduce the use of pretrial detention.',
        '',
        '14. The State party should collect data on the women held.',
        '',
        '15. The Committee welcomes the adoption of the law.',
      ],
      'en',
    );
    expect([...en.values()].map((u) => u.kind)).toEqual([
      'CONCERN',
      'RECOMMENDATION',
      'RECOMMENDATION',
      'NARRATIVE',
    ]);
    const fr = byLabel(
      [
        '20. Le Comité est préoccupé par le nombre de femmes en détention provisoire.',
        '',
        '21. Le Comité engage l’État partie à réduire le recours à la détention provisoire.',
      ],
      'fr',
    );
    expect([...fr.values()].map((u) => u.kind)).toEqual(['CONCERN', 'RECOMMENDATION']);
    expect(fr.get('21')!.concernLabels).toEqual(['20']);
  });

  it('keeps a quoted treaty article apart from the recommendation that follows it (MESECVI)', () => {
    const units = byLabel([
      '4. _Artículo 4: Toda mujer tiene derecho al reconocimiento, goce, ejercicio',
      'y protección de todos los derechos humanos._',
      '',
      '   **Se recomienda al Estado la derogación del artículo 132 del Código Penal.**',
    ]);
    const four = units.get('4')!;
    expect(four.kind).toBe('RECOMMENDATION');
    expect(four.text).toBe(
      'Se recomienda al Estado la derogación del artículo 132 del Código Penal.',
    );
    expect(four.preamble).toMatch(/^Artículo 4: Toda mujer/u);
    expect(four.highlighted).toBe(true);
  });

  it('makes every item under a "Recommendations" heading a recommendation, with no operative verb', () => {
    const units = byLabel(
      [
        '## II. Conclusions and/or recommendations',
        '',
        '115.1 Take further steps for the ratification of several international treaties in the field of human rights that were signed by Slovenia since the first UPR cycle (Croatia);',
      ],
      'en',
    );
    expect(units.get('115.1')!.kind).toBe('RECOMMENDATION');
  });
});
