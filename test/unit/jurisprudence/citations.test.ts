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
/** Kind, reference and span of each citation, after checking each span against its offsets. */
const cited = (text: string, context: CitationContext) =>
  extractCitations(text, context).map((c) => {
    expect(text.slice(c.start, c.end)).toBe(c.span);
    return `${c.kind} ${c.reference} «${c.span}»`;
  });

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

  describe('Spanish variants, symbol shapes and paragraph order', () => {
    it('reads "comentario general", the older Spanish wording of a general comment', () => {
      expect(
        cited(
          'teniendo en cuenta el comentario general Nº 3 (1990) del Comité sobre la índole de las obligaciones',
          es('CESCR'),
        ),
      ).toEqual(['GENERAL_COMMENT CESCR/GC/3 «comentario general Nº 3»']);
      expect(cited('a la luz de su Comentario General No. 3 sobre el VIH/SIDA', es('CRC'))).toEqual(
        ['GENERAL_COMMENT CRC/GC/3 «Comentario General No. 3»'],
      );
    });

    it('reads the Spanish acronyms "Comité DESC", "CDN" and "CDPD"', () => {
      expect(cited('la Observación General No. 14 del Comité DESC', es('UPR'))).toEqual([
        'GENERAL_COMMENT CESCR/GC/14 «Observación General No. 14»',
      ]);
      expect(
        cited('los artículos 19 y 34 de la CDN y el artículo 6 de la CDPD', es('UPR')),
      ).toEqual([
        'ARTICLE CRC-19 «artículos 19 y 34 de la CDN»',
        'ARTICLE CRC-34 «artículos 19 y 34 de la CDN»',
        'ARTICLE CRPD-6 «artículo 6 de la CDPD»',
      ]);
    });

    it('takes the Human Rights Committee from "the Committee of Human Rights"', () => {
      expect(
        cited(
          '120.51 Prevent any initiative contrary to General Comment 34 of the Committee of Human Rights (Turkey);',
          en('UPR'),
        ),
      ).toEqual(['GENERAL_COMMENT CCPR/GC/34 «General Comment 34»']);
    });

    it('reads the paragraph after the part of a General Assembly report', () => {
      expect(
        cited(
          'De conformidad con la recomendación anterior del Comité (A/57/38, primera parte, párr. 205) y',
          es('CEDAW'),
        ),
      ).toEqual(['DOCUMENT A/57/38#205 «A/57/38, primera parte, párr. 205»']);
      expect(cited('(A/57/38 (Part I), paras. 189 and 193)', en('CEDAW'))).toEqual([
        'DOCUMENT A/57/38#189 «A/57/38 (Part I), paras. 189 and 193»',
        'DOCUMENT A/57/38#193 «A/57/38 (Part I), paras. 189 and 193»',
      ]);
    });

    it('joins a symbol element typed apart from its number', () => {
      expect(
        cited(
          'En su 118ª sesión, celebrada el 31 de octubre de 1978 (CCPR/C/SR. 118) el Comité',
          es('CCPR'),
        ),
      ).toEqual(['DOCUMENT CCPR/C/SR.118 «CCPR/C/SR. 118»']);
    });

    it('reads resolution, Commission on Human Rights and conference symbols', () => {
      expect(
        cited(
          'las Directrices Internacionales sobre el VIH/SIDA y los Derechos Humanos (E/CN.4/1997/37):',
          es('CRC'),
        ),
      ).toEqual(['DOCUMENT E/CN.4/1997/37 «E/CN.4/1997/37»']);
      expect(
        cited(
          'the United Nations Declaration on Human Rights Defenders (A/RES/53/144) (Poland);',
          en('UPR'),
        ),
      ).toEqual(['DOCUMENT A/RES/53/144 «A/RES/53/144»']);
      expect(cited('la Plataforma de Acción de Beijing (A/CONF.177/20)', es('CEDAW'))).toEqual([
        'DOCUMENT A/CONF.177/20 «A/CONF.177/20»',
      ]);
    });

    it('reads a paragraph written before its symbol', () => {
      expect(
        cited(
          'El Comité reitera la recomendación formulada en el párrafo 26 de sus anteriores observaciones finales (CEDAW/C/GUA/CO/7) y recomienda',
          es('CEDAW'),
        ),
      ).toEqual([
        'DOCUMENT CEDAW/C/GUA/CO/7#26 «párrafo 26 de sus anteriores observaciones finales (CEDAW/C/GUA/CO/7»',
      ]);
      expect(
        cited(
          'as mentioned in paragraphs 110 and 111 of the national report (A/HRC/WG.6/5/MCO/1) (Morocco);',
          en('UPR'),
        ),
      ).toEqual([
        'DOCUMENT A/HRC/WG.6/5/MCO/1#110 «paragraphs 110 and 111 of the national report (A/HRC/WG.6/5/MCO/1»',
        'DOCUMENT A/HRC/WG.6/5/MCO/1#111 «paragraphs 110 and 111 of the national report (A/HRC/WG.6/5/MCO/1»',
      ]);
      expect(
        cited('contained in paragraph 65of document CRC/C/QAT/CO/2 (Slovenia);', en('UPR')),
      ).toEqual(['DOCUMENT CRC/C/QAT/CO/2#65 «paragraph 65of document CRC/C/QAT/CO/2»']);
    });

    it('gives no paragraph of the citing text itself to the symbol after it', () => {
      expect(
        cited(
          'como se indica en el párrafo 5 de las presentes observaciones y en el informe del Estado parte (CEDAW/C/PER/7)',
          es('CEDAW'),
        ),
      ).toEqual(['DOCUMENT CEDAW/C/PER/7 «CEDAW/C/PER/7»']);
    });

    it('gives no paragraph to a symbol when a number or another symbol lies between', () => {
      expect(
        cited('el párrafo 2 del artículo 16 de la Convención (CEDAW/C/PER/CO/7)', es('CEDAW')),
      ).toEqual([
        'ARTICLE CEDAW-16-2 «párrafo 2 del artículo 16 de la Convención»',
        'DOCUMENT CEDAW/C/PER/CO/7 «CEDAW/C/PER/CO/7»',
      ]);
    });
  });

  describe('MESECVI and sub-levels written before the article', () => {
    it('reads CVCM as the Belém do Pará Convention and a letter after an ordinal article', () => {
      expect(cited('los servicios existentes (Art. 8º, d, 7º h CVCM).', es('MESECVI'))).toEqual([
        'ARTICLE BDP-8-d «Art. 8º, d, 7º h CVCM»',
        'ARTICLE BDP-7-h «Art. 8º, d, 7º h CVCM»',
      ]);
      expect(cited('(Art. 7º y 8º i, CVCM)', es('MESECVI'))).toEqual([
        'ARTICLE BDP-7 «Art. 7º y 8º i, CVCM»',
        'ARTICLE BDP-8-i «Art. 7º y 8º i, CVCM»',
      ]);
      expect(cited('(Art. 7º, g, CVCM)', en('CEDAW'))).toEqual([
        'ARTICLE BDP-7-g «Art. 7º, g, CVCM»',
      ]);
    });

    it('reads a list whose ordinals carry a period', () => {
      expect(
        cited('(Art. 1º, 3º., 4º, 7º Convención de Belém do Pará - CVCM);', es('MESECVI')),
      ).toEqual([
        'ARTICLE BDP-1 «Art. 1º, 3º., 4º, 7º Convención de Belém do Pará»',
        'ARTICLE BDP-3 «Art. 1º, 3º., 4º, 7º Convención de Belém do Pará»',
        'ARTICLE BDP-4 «Art. 1º, 3º., 4º, 7º Convención de Belém do Pará»',
        'ARTICLE BDP-7 «Art. 1º, 3º., 4º, 7º Convención de Belém do Pará»',
      ]);
    });

    it('takes no conjunction, preposition or next article for a letter', () => {
      expect(cited('(Art. 7º y Art. 8º. CVCM)', es('MESECVI'))).toEqual([
        'ARTICLE BDP-7 «Art. 7º y Art. 8º. CVCM»',
        'ARTICLE BDP-8 «Art. 7º y Art. 8º. CVCM»',
        'ARTICLE BDP-8 «Art. 8º. CVCM»',
      ]);
      expect(cited('conforme al Art. 7º, a fin de garantizar', es('MESECVI'))).toEqual([
        'ARTICLE BDP-7 «Art. 7º»',
      ]);
      expect(cited('Art. 5º o el 6º', es('MESECVI'))).toEqual(['ARTICLE BDP-5 «Art. 5º»']);
    });

    it('reads "apartado f. del artículo 2" with a period after the letter', () => {
      expect(
        cited(
          'de conformidad con el apartado f. del artículo 2 y el apartado a. del artículo 5 de la Convención, y a promover',
          es('CEDAW'),
        ),
      ).toEqual([
        'ARTICLE CEDAW-2-f «apartado f. del artículo 2»',
        'ARTICLE CEDAW-5-a «apartado a. del artículo 5 de la Convención»',
      ]);
    });
  });

  describe('articles of a treaty named earlier in a UPR sentence', () => {
    it('resolves a cued article to the treaty named before it', () => {
      expect(
        cited(
          '54.1 To consider withdrawing its reservations to the Convention on the Elimination of All Forms of Discrimination against Women, in particular article 2 (Algeria);',
          en('UPR'),
        ),
      ).toEqual(['ARTICLE CEDAW-2 «article 2»']);
      expect(
        cited(
          '92.20 Continue to incorporate the provisions of the Convention on the Rights of the Child into domestic legislation, especially article 19(1), in relation to (Chile);',
          en('UPR'),
        ),
      ).toEqual(['ARTICLE CRC-19-1 «article 19(1)»']);
      expect(
        cited(
          '143.14 Ratify the CPED and make, at the moment of ratification, the declarations provided for on articles 31 and 32 (Chile);',
          en('UPR'),
        ),
      ).toEqual(['ARTICLE CED-31 «articles 31 and 32»', 'ARTICLE CED-32 «articles 31 and 32»']);
    });

    it('resolves none without a cue, across a national law or across a sentence', () => {
      expect(cited('Ratify the CRPD and repeal article 200 (France);', en('UPR'))).toEqual([]);
      expect(
        cited(
          'Ratify CEDAW and amend its Penal Code, in particular article 301 (Spain);',
          en('UPR'),
        ),
      ).toEqual([]);
      expect(cited('Ratify CEDAW. Amend, in particular, article 301 (Spain);', en('UPR'))).toEqual(
        [],
      );
    });
  });

  describe('court cases written without "caso"', () => {
    it('reads "versus" and a comma-separated applicant list with the court named', () => {
      expect(
        cited(
          '108.5. Introduce legislation to implement the European Court of Human Rights judgement in the A, B and C versus Ireland case (United Kingdom);',
          en('UPR'),
        ),
      ).toEqual(['CASE ECTHR:A, B and C versus Ireland «A, B and C versus Ireland»']);
    });

    it('reads the Inter-American "vs." with no court named', () => {
      expect(
        cited('según la sentencia Gonzalez y otras ("Campo Algodonero") vs. México', es('CEDAW')),
      ).toEqual([
        'CASE IACTHR:Gonzalez y otras ("Campo Algodonero") vs. México «Gonzalez y otras ("Campo Algodonero") vs. México»',
      ]);
      expect(cited('as in Opuz v. Turkey', en('GREVIO'))).toEqual([]);
    });

    it('reads "the X case" when a court is named nearby, and no court as a case', () => {
      expect(
        cited(
          '73.55. Take the necessary steps to act in compliance with the verdict rendered in 2007 by the Inter-American Court of Human Rights in the Saramaka People case and to respect (Norway);',
          en('UPR'),
        ),
      ).toEqual(['CASE IACTHR:Saramaka People «Saramaka People»']);
      expect(
        cited('the Inter-American Court and the Constitutional Court case', en('UPR')),
      ).toEqual([]);
      expect(cited('Reopen the Saramaka People case (Norway);', en('UPR'))).toEqual([]);
    });

    it('reads "the X judgment" with a court named, and no chamber as a case', () => {
      expect(
        cited(
          'execute the Opuz judgment of the European Court of Human Rights (Sweden);',
          en('UPR'),
        ),
      ).toEqual(['CASE ECTHR:Opuz «Opuz»']);
      expect(
        cited('the Grand Chamber judgment of the European Court of Human Rights', en('UPR')),
      ).toEqual([]);
    });

    it('reads the Inter-American Court’s cases named after indigenous communities', () => {
      expect(
        cited(
          '85.68. Fully implement the rulings of the Inter-American Court on Human Rights regarding indigenous land claims by the Yakye Axa and Sawhoyamaxa indigenous communities quickly (Canada);',
          en('UPR'),
        ),
      ).toEqual(['CASE IACTHR:Yakye Axa «Yakye Axa»', 'CASE IACTHR:Sawhoyamaxa «Sawhoyamaxa»']);
      expect(
        cited(
          'cumplir las sentencias de la Corte Interamericana sobre la comunidad indígena Xákmok Kásek',
          es('CERD'),
        ),
      ).toEqual(['CASE IACTHR:Xákmok Kásek «Xákmok Kásek»']);
      expect(
        cited('the Inter-American Commission on Human Rights and the Maya communities', en('UPR')),
      ).toEqual([]);
    });
  });
});
