/**
 * Citation extraction (issue 27, item 2) on real snippets. Spanish snippets are from CLADEM,
 * "Jurisprudencia sobre derechos humanos de las mujeres" (2018), https://jurisprudencia.cladem.org,
 * CC BY-SA 4.0 (../shared/data/cladem-women-rights-latam/raw, line breaks and tabs as there);
 * English ones from UPR Working Group reports via rochelleterman/uprs
 * (../shared/data/upr-un-reports-terman). French ones are the official French wording of the
 * same kinds of sentences.
 */
import { describe, expect, it } from 'vitest';
import {
  extractCitations,
  type CitationContext,
} from '../../../src/features/jurisprudence/citations/index.ts';

const es = (mechanism: string): CitationContext => ({ language: 'es', mechanism });
const en = (mechanism: string): CitationContext => ({ language: 'en', mechanism });
const fr = (mechanism: string): CitationContext => ({ language: 'fr', mechanism });

/** The references, in text order. */
const refs = (text: string, context: CitationContext) =>
  extractCitations(text, context).map((c) => c.reference);
const kinds = (text: string, context: CitationContext) =>
  extractCitations(text, context).map((c) => `${c.kind} ${c.reference}`);

describe('extractCitations', () => {
  it('keeps the exact span with its offsets', () => {
    const text =
      '11. **El Comité recuerda sus observaciones finales anteriores\n(CEDAW/C/ARG/CO/6, párr. 12) e insta al Estado parte a que:**';
    // Act
    const [citation] = extractCitations(text, es('CEDAW'));
    // Assert: kind, canonical reference, span = text.slice(start, end)
    expect(citation).toMatchObject({
      kind: 'DOCUMENT',
      reference: 'CEDAW/C/ARG/CO/6#12',
      span: 'CEDAW/C/ARG/CO/6, párr. 12',
    });
    expect(text.slice(citation!.start, citation!.end)).toBe(citation!.span);
  });

  it('reads decomposed text and keeps the offsets of the original', () => {
    const text = 'El Comité recuerda su recomendación general núm. 35'.normalize('NFD');
    // Act
    const [citation] = extractCitations(text, es('CEDAW'));
    // Assert
    expect(citation?.reference).toBe('CEDAW/GR/35');
    expect(text.slice(citation!.start, citation!.end)).toBe(citation!.span);
    expect(citation!.span.normalize('NFC')).toBe('recomendación general núm. 35');
  });

  describe('general comments and recommendations', () => {
    it('resolves "su recomendación general" to the text’s own body', () => {
      const text =
        '25. **El Comité recuerda su recomendación general núm. 35 (2017) sobre la violencia por razón de género contra la mujer';
      expect(kinds(text, es('CEDAW'))).toEqual(['GENERAL_COMMENT CEDAW/GR/35']);
      expect(refs('sa recommandation générale no 35', fr('CEDAW'))).toEqual(['CEDAW/GR/35']);
      expect(refs('its general recommendation No. 35', en('CEDAW'))).toEqual(['CEDAW/GR/35']);
    });

    it('reads every number of a plural', () => {
      const text =
        '43. **El Comité, en consonancia con sus recomendaciones generales núm. 26 (2008), sobre las trabajadoras migratorias, y núm. 32 (2014), sobre las dimensiones';
      expect(refs(text, es('CEDAW'))).toEqual(['CEDAW/GR/26', 'CEDAW/GR/32']);
    });

    it('uses GC for the covenants’ and CRC’s bodies, and reads roman numerals', () => {
      expect(
        refs(
          'El Comité recuerda su Observación general N.º 16 (2005) sobre la igualdad',
          es('CESCR'),
        ),
      ).toEqual(['CESCR/GC/16']);
      expect(
        refs(
          'tomando en cuenta el inciso d del párrafo 4 de su Recomendación general N.º XXIII relativa a los derechos de los pueblos indígenas',
          es('CERD'),
        ),
      ).toEqual(['CERD/GR/23']);
    });

    it('reads a general comment cited by its symbol', () => {
      expect(kinds('teniendo en cuenta su observación general (CRC/GC/2003/4)', es('CRC'))).toEqual(
        ['GENERAL_COMMENT CRC/GC/4'],
      );
      expect(refs('(CEDAW/C/GC/31-CRC/C/GC/18)', en('CEDAW'))).toEqual([
        'CEDAW/GR/31',
        'CRC/GC/18',
      ]);
    });

    it('gives both references for a joint general comment', () => {
      const text =
        '32. **El Comité señala a la atención del Estado parte su observación general\nNº 18 (2014), sobre las prácticas nocivas, que publicó conjuntamente con el\nComité para la Eliminación de la Discriminación contra la Mujer, e insta al\nEstado parte a:**';
      expect(refs(text, es('CRC'))).toEqual(['CRC/GC/18', 'CEDAW/GR/31']);
    });

    it('takes the body a UPR text names, and nothing when it names none', () => {
      expect(
        refs(
          '96.4. Review periodically its reservations to the ICCPR, as recommended by the Human Rights Committee in its general comment 24 (Brazil);',
          en('UPR'),
        ),
      ).toEqual(['CCPR/GC/24']);
      expect(
        refs(
          '107.42. Promote … non-violent discipline as an alternative to corporal punishment, taking into consideration general comment No. 8 (2006) of the Committee on the Rights of the Child (Uruguay);',
          en('UPR'),
        ),
      ).toEqual(['CRC/GC/8']);
      expect(
        refs(
          '135.21 Introduce legislation to prohibit corporal punishment in all areas, taking into account general comment No. 8 of the Committee (Uruguay);',
          en('UPR'),
        ),
      ).toEqual([]);
    });
  });

  describe('documents', () => {
    it('gives one citation per paragraph', () => {
      expect(
        refs(
          'Reitera sus recomendaciones anteriores (CCPR/C/CHL/CO/5, párrs. 12 y 13)',
          es('CCPR'),
        ),
      ).toEqual(['CCPR/C/CHL/CO/5#12', 'CCPR/C/CHL/CO/5#13']);
      expect(refs('(see CEDAW/C/ARG/CO/6, paras. 12 and 13)', en('CEDAW'))).toEqual([
        'CEDAW/C/ARG/CO/6#12',
        'CEDAW/C/ARG/CO/6#13',
      ]);
    });

    it('keeps an addendum and cites no paragraph of the text itself', () => {
      expect(refs('en el ámbito del empleo (E/C.12/1/Add.38 párr. 17)', es('CESCR'))).toEqual([
        'E/C.12/1/Add.38#17',
      ]);
      expect(refs('véanse los párrs. 57 a 59', es('CCPR'))).toEqual([]);
    });
  });

  describe('communications', () => {
    it('takes the body from the text’s mechanism or the committee named', () => {
      expect(
        kinds('la comunicación núm. 22/2009, L. C. c. el Perú, en que el Comité', es('CEDAW')),
      ).toEqual(['COMMUNICATION CEDAW 22/2009']);
      expect(
        refs('the Human Rights Committee in communication No. 1153/2003', en('CEDAW')),
      ).toEqual(['CCPR 1153/2003']);
      expect(refs('la petición 321/12 ante la CIDH', es('MESECVI'))).toEqual(['IACHR 321/12']);
    });

    it('gives a decision symbol as written', () => {
      const text =
        'tal y como recomendaron el Comité en L.C. c. Perú (CEDAW/C/50/D/22/2009) y el Comité de Derechos Humanos';
      expect(kinds(text, es('CEDAW'))).toEqual(['COMMUNICATION CEDAW/C/50/D/22/2009']);
    });
  });

  describe('treaty articles', () => {
    it('resolves "la Convención" / "el Pacto" to the text’s own treaty', () => {
      expect(
        refs(
          'de conformidad con el artículo 4 1) de la Convención y la recomendación general núm. 25 (2004) del Comité',
          es('CEDAW'),
        ),
      ).toEqual(['CEDAW-4-1', 'CEDAW/GR/25']);
      expect(
        refs('en relación con el párrafo 1 del artículo 4 de la Convención', es('CERD')),
      ).toEqual(['CERD-4-1']);
      expect(refs('Artículo 7 de la Convención', es('MESECVI'))).toEqual(['BDP-7']);
    });

    it('chains sub-levels', () => {
      expect(
        refs(
          'como se dispone en el artículo 7, apartado a), inciso i) del Pacto , entre otros',
          es('CESCR'),
        ),
      ).toEqual(['CESCR-7-a-i']);
      expect(refs('in accordance with article 7 (a) (ii) of the Covenant', en('CESCR'))).toEqual([
        'CESCR-7-a-ii',
      ]);
      expect(
        refs(
          'Consider withdrawing the reservation to Article 9 (2) of CEDAW (Slovakia)',
          en('UPR'),
        ),
      ).toEqual(['CEDAW-9-2']);
    });

    it('expands lists and ranges', () => {
      expect(
        refs('61. Teniendo en cuenta los artículos 32 a 36 de la Convención, el Comité', es('CRC')),
      ).toEqual(['CRC-32', 'CRC-33', 'CRC-34', 'CRC-35', 'CRC-36']);
      expect(refs('Ciudad Juárez (arts. 3, 6, 7 y 14 del Pacto).', es('CCPR'))).toEqual([
        'CCPR-3',
        'CCPR-6',
        'CCPR-7',
        'CCPR-14',
      ]);
      expect(refs('tenencia de la tierra (arts. 3 y 7).', es('CESCR'))).toEqual([
        'CESCR-3',
        'CESCR-7',
      ]);
      expect(refs('les articles 2, 10 et 12 de la Convention', fr('CEDAW'))).toEqual([
        'CEDAW-2',
        'CEDAW-10',
        'CEDAW-12',
      ]);
    });

    it('resolves a named treaty and optional protocol in any language', () => {
      expect(
        refs(
          'Bring its legislation into line with article 14 of the International Covenant on Civil and Political Rights (Spain)',
          en('UPR'),
        ),
      ).toEqual(['CCPR-14']);
      expect(refs('cumplir el artículo 8 de la Convención de Belém do Pará', es('CEDAW'))).toEqual([
        'BDP-8',
      ]);
      expect(
        refs('artículo 18 del Protocolo Facultativo de la Convención contra la Tortura', es('CAT')),
      ).toEqual(['OPCAT-18']);
      expect(refs('article 8 of the Optional Protocol', en('CEDAW'))).toEqual(['OPCEDAW-8']);
      expect(
        refs(
          'make the declaration provided for in article 22 of the Convention against Torture (Spain);',
          en('UPR'),
        ),
      ).toEqual(['CAT-22']);
      expect(
        refs(
          'in accordance with the CRC (article 37), to which the United Arab Emirates is a party',
          en('UPR'),
        ),
      ).toEqual(['CRC-37']);
      expect(
        refs('CEDAW and consider especially article 15 and 16 thereof which relate', en('UPR')),
      ).toEqual(['CEDAW-15', 'CEDAW-16']);
    });

    it('reads a Spanish UPR recommendation naming its treaty', () => {
      const text =
        '13. Prohibir la imposición de la pena capital a menores de 18 años de edad, con arreglo al apartado a) del artículo 37 de la Convención sobre los Derechos del Niño (Eslovenia);';
      expect(kinds(text, es('UPR'))).toEqual(['ARTICLE CRC-37-a']);
      expect(
        refs(
          '121.2 **Ratificar el Protocolo Facultativo de la Convención sobre la      eliminación de todas las formas de discriminación contra la mujer (Brasil);**',
          es('UPR'),
        ),
      ).toEqual([]);
    });

    it('cites no national law, no unnamed treaty in a UPR text and no whole treaty', () => {
      expect(refs('e. **Enmiende el artículo 86 del Código Penal', es('CEDAW'))).toEqual([]);
      expect(refs('en la Constitución (art. 18), en la Ley de Migración', es('CERD'))).toEqual([]);
      expect(
        refs(
          'in line with the spirit of articles 11 and 12 of its new Constitution (France);',
          en('UPR'),
        ),
      ).toEqual([]);
      expect(
        refs('Withdraw its reservation to article 2 of the Convention (France)', en('UPR')),
      ).toEqual([]);
      expect(
        refs(
          '84.4. Ratify the Optional Protocol to the Convention against Torture (Spain);',
          en('UPR'),
        ),
      ).toEqual([]);
      expect(
        refs(
          'Honour all obligations under articles 31 and 33 of the Convention relating to the Status of Refugees',
          en('CRC'),
        ),
      ).toEqual([]);
    });
  });

  describe('French, Inter-American and European texts', () => {
    it('reads the same kinds in French', () => {
      expect(
        refs(
          "Le Comité rappelle sa recommandation générale n° 19 et le paragraphe 1 de l'article 4 de la Convention",
          fr('CEDAW'),
        ),
      ).toEqual(['CEDAW/GR/19', 'CEDAW-4-1']);
      expect(
        refs(
          'les articles 2 à 4 du Pacte international relatif aux droits civils et politiques',
          fr('UPR'),
        ),
      ).toEqual(['CCPR-2', 'CCPR-3', 'CCPR-4']);
      expect(refs('la communication no 22/2009, L. C. c. Pérou', fr('CEDAW'))).toEqual([
        'CEDAW 22/2009',
      ]);
    });

    it('reads "artículo 1.1" and resolves the American and Istanbul Conventions', () => {
      expect(refs('violación del artículo 1.1 de la Convención Americana', es('IACHR'))).toEqual([
        'ACHR-1-1',
      ]);
      expect(refs('Article 5 of the Convention requires', en('GREVIO'))).toEqual(['IC-5']);
      expect(refs('Article 3 of the European Convention on Human Rights', en('GREVIO'))).toEqual([
        'ECHR-3',
      ]);
    });

    it('reads a CRC cluster heading with semicolons and paragraph lists', () => {
      // "(…) #### 5. Entorno familiar y otro tipo de tutela (…)"
      const text =
        '(artículos 5; 18, párrafos 1 y 2; 9 a 11; 19 a 21; 25; 27, párrafo 4; y 39 de la Convención)';
      expect(refs(text, es('CRC'))).toEqual([
        'CRC-5',
        'CRC-18-1',
        'CRC-18-2',
        'CRC-9',
        'CRC-10',
        'CRC-11',
        'CRC-19',
        'CRC-20',
        'CRC-21',
        'CRC-25',
        'CRC-27-4',
        'CRC-39',
      ]);
    });

    it('cites no national code abbreviated after an article', () => {
      expect(
        refs('el apellido que usará la mujer al casarse (Art. 21 C. F.) [^466]', es('CEDAW')),
      ).toEqual([]);
    });
  });

  describe('court cases', () => {
    it('keeps the case name as written', () => {
      const text =
        'sentencias de la Corte\n\tInteramericana de Derechos Humanos en este ámbito, entre las que destaca la\n\tsentencia, de 16 de noviembre de 2009, en el caso de González y otras\n\t(Campo Algodonero) c. México.**';
      expect(kinds(text, es('CAT'))).toEqual([
        'CASE IACTHR:González y otras (Campo Algodonero) c. México',
      ]);
      expect(
        refs(
          'la sentencia en el caso González y otras (“Campo Algodonero”) vs. México, de 2009',
          es('CEDAW'),
        ),
      ).toEqual(['IACTHR:González y otras (“Campo Algodonero”) vs. México']);
      expect(
        refs(
          'como señala la Corte Interamericana de Derechos Humanos en el caso Campo Algodonero;',
          es('CEDAW'),
        ),
      ).toEqual(['IACTHR:Campo Algodonero']);
      expect(
        refs('in the case of Opuz v. Turkey the European Court of Human Rights', en('GREVIO')),
      ).toEqual(['ECTHR:Opuz v. Turkey']);
    });

    it('takes the Inter-American "Vs." and a national case for none', () => {
      expect(
        refs(
          'Corte IDH. Caso Atala Riffo y Niñas Vs. Chile. Fondo, Reparaciones y Costas.',
          es('IACHR'),
        ),
      ).toEqual(['IACTHR:Atala Riffo y Niñas Vs. Chile']);
      expect(
        refs(
          '67.13 Convene the Court of Appeal in the interest of addressing the pending appeal to the High Court ruling of 2005 on the case of Teonea v. Kaupule (Canada);',
          en('UPR'),
        ),
      ).toEqual([]);
      expect(
        refs('expresa su preocupación por el “caso de Belén”, en que se utilizó', es('CCPR')),
      ).toEqual([]);
    });
  });
});
