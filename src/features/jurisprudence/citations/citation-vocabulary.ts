/**
 * The words citations are written with, in English, Spanish and French: data tables read by
 * extract-citations.ts. Add a name or a word here, not a branch in code.
 *
 * Patterns are regular-expression sources matched against folded text (lower case, accents
 * removed, one character for one character so offsets stay those of the original; see
 * `foldKeepingOffsets`). A space in a pattern matches any run of white space (line breaks
 * included), and an apostrophe matches ' or ’ with optional space.
 */

/** Treaty codes of the canonical article references (`CCPR-14-1`). */
export type TreatyCode = string;

export interface TreatyNames {
  readonly code: TreatyCode;
  /** Full names, short names and acronyms, in any of the languages. */
  readonly names: readonly string[];
}

/**
 * Named treaties and their optional protocols. A protocol's name holds its treaty's name, so the
 * matcher tries longer names first.
 */
export const TREATIES: readonly TreatyNames[] = [
  {
    code: 'CCPR',
    names: [
      'international (?:covenant|convention) (?:on|of) civil and political rights',
      'iccpr',
      'pacto internacional de derechos civiles y politicos',
      'pidcp',
      'pacte international relatif aux droits civils et politiques',
    ],
  },
  {
    code: 'CESCR',
    names: [
      'international (?:covenant|convention) (?:on|of) economic,? social and cultural rights',
      'icescr',
      'pacto internacional de derechos economicos,? sociales y culturales',
      'pidesc',
      'pacte international relatif aux droits economiques,? sociaux et culturels',
    ],
  },
  {
    code: 'CEDAW',
    names: [
      'convention on the elimination of all forms of discrimination against women',
      'cedaw',
      'convencion sobre la eliminacion de todas las formas de discriminacion contra la mujer',
      "convention sur l'elimination de toutes les formes de discrimination a l'egard des femmes",
    ],
  },
  {
    code: 'CERD',
    names: [
      'international convention on the elimination of all forms of racial discrimination',
      'icerd',
      'cerd',
      'convencion internacional sobre la eliminacion de todas las formas de discriminacion racial',
      "convention internationale sur l'elimination de toutes les formes de discrimination raciale",
    ],
  },
  {
    code: 'CAT',
    names: [
      'convention against (?:the )?torture(?: and other cruel,? inhuman or degrading treatment or punishment)?',
      'cat',
      'convencion contra la tortura(?: y otros tratos o penas crueles,? inhumanos o degradantes)?',
      'convention contre la torture(?: et autres peines ou traitements cruels,? inhumains ou degradants)?',
    ],
  },
  {
    code: 'CRC',
    names: [
      'convention on the rights of the child',
      'crc',
      'convencion sobre los derechos del nino(?: y la nina)?',
      'cdn',
      "convention relative aux droits de l'enfant",
    ],
  },
  {
    code: 'CRPD',
    names: [
      'convention on the rights of persons with disabilities',
      'crpd',
      'convencion sobre los derechos de las personas con discapacidad',
      'cdpd',
      'convention relative aux droits des personnes handicapees',
    ],
  },
  {
    code: 'CMW',
    names: [
      'international convention on the protection of the rights of all migrant workers and members of their families',
      'icrmw',
      'cmw',
      'convencion internacional sobre la proteccion de los derechos de todos los trabajadores migratorios y de sus familiares',
      'convention internationale sur la protection des droits de tous les travailleurs migrants et des membres de leur famille',
    ],
  },
  {
    code: 'CED',
    names: [
      'international convention for the protection of all persons from enforced disappearance',
      'icppe?d',
      'cped',
      'ced',
      'convencion internacional para la proteccion de todas las personas contra las desapariciones forzadas',
      'convention internationale pour la protection de toutes les personnes contre les disparitions forcees',
    ],
  },
  {
    code: 'BDP',
    names: [
      'convencion (?:interamericana )?de belem do para',
      // MESECVI's own acronym: "Convención [para prevenir …] la Violencia Contra la Mujer".
      'cvcm',
      'convention of belem do para',
      '(?:the )?belem do para convention',
      'inter-american convention on the prevention,? punishment and eradication of violence against women',
      'convencion interamericana para prevenir,? sancionar y erradicar la violencia contra la mujer',
      'convention interamericaine (?:pour|sur) la prevention,? la sanction et l.elimination de la violence contre la femme',
      'convention de belem do para',
    ],
  },
  {
    code: 'ACHR',
    names: [
      'american convention on human rights',
      'convencion americana (?:sobre|de) derechos humanos',
      "convention americaine relative aux droits de l'homme",
      'pacto de san jose(?: de costa rica)?',
      'american convention',
      'convencion americana',
      'convention americaine',
    ],
  },
  {
    code: 'ECHR',
    names: [
      'european convention (?:on|for the protection of) human rights(?: and fundamental freedoms)?',
      'echr',
      'convenio europeo (?:de|sobre|para la proteccion de los) derechos humanos(?: y (?:de las )?libertades fundamentales)?',
      "convention europeenne (?:des|de sauvegarde des) droits de l'homme(?: et des libertes fondamentales)?",
    ],
  },
  {
    code: 'IC',
    names: [
      'istanbul convention',
      'council of europe convention on preventing and combating violence against women and domestic violence',
      'convenio de estambul',
      'convenio del consejo de europa sobre prevencion y lucha contra la violencia contra las mujeres y la violencia domestica',
      "convention d'istanbul",
      'convention du conseil de l.europe sur la prevention et la lutte contre la violence a l.egard des femmes et la violence domestique',
    ],
  },
];

/**
 * Optional protocols: the words that open a protocol's name, joined to its treaty's names by the
 * connectors below ("optional protocol to the" + "convention against torture").
 */
export const PROTOCOL_HEADS: readonly string[] = [
  'optional protocol (?:to|of) (?:the )?',
  'protocolo facultativo (?:de la|del|a la|al) ',
  'protocole facultatif (?:se rapportant a la|se rapportant au|a la|au|de la|du) ',
];

/** A treaty's optional protocol's own code; the protocols of a treaty with several are below. */
export const PROTOCOL_CODES: Readonly<Record<TreatyCode, TreatyCode>> = {
  CCPR: 'OPCCPR',
  CESCR: 'OPCESCR',
  CEDAW: 'OPCEDAW',
  CAT: 'OPCAT',
  CRPD: 'OPCRPD',
  CRC: 'OPIC',
};

/** Protocols named by more than their treaty (the CRC's three, the CCPR's second). */
export const NAMED_PROTOCOLS: readonly TreatyNames[] = [
  {
    code: 'OPSC',
    names: [
      'optional protocol to the convention on the rights of the child on the sale of children(?:,? child prostitution and child pornography)?',
      'protocolo facultativo de la convencion sobre los derechos del nino relativo a la venta de ninos(?:,? la prostitucion infantil y la utilizacion de ninos en la pornografia)?',
      "protocole facultatif a la convention relative aux droits de l'enfant,? concernant la vente d'enfants(?:,? la prostitution des enfants et la pornographie mettant en scene des enfants)?",
      'opsc',
    ],
  },
  {
    code: 'OPAC',
    names: [
      'optional protocol to the convention on the rights of the child on the involvement of children in armed conflicts?',
      'protocolo facultativo de la convencion sobre los derechos del nino relativo a la participacion de ninos en los conflictos armados',
      "protocole facultatif a la convention relative aux droits de l'enfant,? concernant l'implication d'enfants dans les conflits armes",
      'opac',
    ],
  },
  {
    code: 'OP2CCPR',
    names: [
      'second optional protocol to the international covenant on civil and political rights(?:,? aiming at the abolition of the death penalty)?',
      'segundo protocolo facultativo del pacto internacional de derechos civiles y politicos(?:,? destinado a abolir la pena de muerte)?',
      'deuxieme protocole facultatif se rapportant au pacte international relatif aux droits civils et politiques(?:,? visant a abolir la peine de mort)?',
    ],
  },
];

/**
 * "The Convention", "el Pacto", "the Optional Protocol": the text's own treaty (or its protocol),
 * after an optional determiner. They must not run on into another treaty's name ("the Convention
 * relating to the Status of Refugees"): see `OWN_TREATY_NOT_BEFORE`.
 */
export const DETERMINERS = "the|la|el|le|this|that|dicha|dicho|esta|este|cette|ce|l'|its|su|sa";
/** Words before a treaty's name that do not change it ("the United Nations Convention against Torture"). */
export const TREATY_PREFIXES = 'united nations|un|(?:de las )?naciones unidas|des nations unies';
export const OWN_TREATY_WORDS: readonly string[] = [
  'convention',
  'covenant',
  'convencion',
  'convenio',
  'pacto',
  'pacte',
];
export const OWN_PROTOCOL_WORDS: readonly string[] = [
  'optional protocol',
  'protocolo facultativo',
  'protocole facultatif',
];
/** Words that make "the Convention" the start of another treaty's name. */
export const OWN_TREATY_NOT_BEFORE =
  '(?! (?:on|relating|against|for|of|concerning|to|no|sobre|relativa|relativo|contra|para|de|del|interamericana|americana|europea|europeo|internacional|num|relative|sur|contre|pour|du|des|internationale|europeenne|interamericaine|americaine|n)\\b)';

/** The treaty each mechanism's texts call "the Convention" / "the Covenant". */
export const OWN_TREATY: Readonly<Record<string, TreatyCode>> = {
  CEDAW: 'CEDAW',
  CCPR: 'CCPR',
  CESCR: 'CESCR',
  CRC: 'CRC',
  CERD: 'CERD',
  CAT: 'CAT',
  SPT: 'OPCAT',
  CRPD: 'CRPD',
  CMW: 'CMW',
  CED: 'CED',
  MESECVI: 'BDP',
  IACHR: 'ACHR',
  GREVIO: 'IC',
};

/** "Refer back" words after an article: the treaty last named before it ("article 15 thereof"). */
export const THEREOF_WORDS: readonly string[] = [
  'thereof',
  'of that (?:convention|covenant|instrument)',
  'de (?:la misma|dicho instrumento|ese instrumento)',
  'de celle-ci',
  'de celui-ci',
];

/** Articles: "article", "arts.", "artículos", "Art." */
export const ARTICLE_WORDS = 'articles?|arts?\\.?|articulos?';
/**
 * Sub-levels before a number or letter ("paragraph 1", "párr. 2", "apartado a)", "inciso i)").
 */
export const SUBLEVEL_WORDS =
  'paragraphs?|paras?\\.|subparagraphs?|parrafos?|parrs?\\.|apartados?|incisos?|literal(?:es)?|lit\\.|alineas?|paragraphes?|par\\.|numerales?|num\\.';
/** Connectors of a list ("2, 10 and 12", "2 y 16", "2 et 3"). */
export const LIST_WORDS = ',|;|and|y|e|et|as well as|asi como|ainsi que';
/** Range words ("32 to 36", "13 a 15", "5 à 7", "9-11"). */
export const RANGE_WORDS = 'to|a|al|au|-|–|through';
/** Words between an article and its treaty ("of the", "de la", "del", "under the"). */
export const TREATY_CONNECTORS =
  "of the|of|in the|under the|under|de la|del|de|en la|du|de l'|des|a la|al|from the";
/**
 * What national law is called: an article of one is no treaty article ("article 86 of the
 * Criminal Code", "la Constitución (art. 18)").
 */
export const NATIONAL_LAW_WORDS =
  'constitution|constitucion|law|ley|loi|code|codigo|act|decree|decreto|decret|reglamento|regulation|statute|estatuto|ordinance|ordenanza|bill|proyecto|resolution|resolucion|acuerdo|norma|reglement';

/** Adjectives after an article that make it national law ("artículo 123 constitucional"). */
export const NATIONAL_LAW_ADJECTIVES =
  'constitucional|constitutional|constitutionnel|del codigo|of the code|du code|c\\. ?[a-z]\\.';

/** "No.", "núm.", "Nº", "N.º", "n°", "no". */
export const NUMBER_SIGNS =
  'nos?\\.?|nums?\\.?|n\\.? ?[º°o]s?\\.?|n[º°]s?\\.?|numeros?|numbers?|numero';

export type CommentKind = 'GC' | 'GR';
/** General comments and recommendations, singular and plural, with their joint forms. */
export const GENERAL_COMMENT_WORDS: readonly string[] = [
  '(?:joint )?general comments?',
  '(?:joint )?general recommendations?',
  'observaci(?:on|ones) generale?s?(?: conjuntas?)?',
  'recomendaci(?:on|ones) generale?s?(?: conjuntas?)?',
  // Older Spanish translations of CESCR and CRC texts: "comentario general Nº 3".
  'comentarios? generale?s?(?: conjuntos?)?',
  'observations? generales?(?: conjointes?)?',
  'recommandations? generales?(?: conjointes?)?',
];
/** Which bodies write "general recommendations" and which "general comments". */
export const COMMENT_KIND: Readonly<Record<string, CommentKind>> = {
  CCPR: 'GC',
  CESCR: 'GC',
  CRC: 'GC',
  CAT: 'GC',
  CRPD: 'GC',
  CMW: 'GC',
  CED: 'GC',
  CEDAW: 'GR',
  CERD: 'GR',
};
/**
 * General comments cited by their document symbol ("CEDAW/C/GC/35", "CRC/GC/2003/4",
 * "E/C.12/GC/22"): the body is the pattern's, the number its last group.
 */
export const COMMENT_SYMBOLS: readonly { readonly body: string; readonly pattern: RegExp }[] = [
  { body: 'CESCR', pattern: /^E\/C\.12\/GC\/(\d+)$/u },
  { body: 'CRC', pattern: /^CRC\/(?:C\/)?GC\/(?:\d{4}\/)?(\d+)$/u },
  ...['CCPR', 'CAT', 'CRPD', 'CMW', 'CED', 'CEDAW', 'CERD'].map((body) => ({
    body,
    pattern: new RegExp(`^${body}\\/C\\/(?:GC|GR)\\/(\\d+)$`, 'u'),
  })),
];

/** Joint general comments: one cited gives the other too. */
export const JOINT_COMMENTS: readonly (readonly [string, string])[] = [
  ['CEDAW/GR/31', 'CRC/GC/18'],
  ['CMW/GC/3', 'CRC/GC/22'],
  ['CMW/GC/4', 'CRC/GC/23'],
];
/** Words that say a general comment was adopted jointly. */
export const JOINT_WORDS = 'joint|jointly|conjunta|conjuntamente|conjointe|conjointement';

/** The treaty bodies by name (and acronym, matched in the original case), for "of the Committee …". */
export const COMMITTEES: readonly { readonly body: string; readonly names: readonly string[] }[] = [
  {
    body: 'CEDAW',
    names: [
      'committee on the elimination of discrimination against women',
      'comite para la eliminacion de la discriminacion contra la mujer',
      "comite pour l'elimination de la discrimination a l'egard des femmes",
    ],
  },
  {
    body: 'CERD',
    names: [
      'committee on the elimination of racial discrimination',
      'comite para la eliminacion de la discriminacion racial',
      "comite pour l'elimination de la discrimination raciale",
    ],
  },
  {
    body: 'CCPR',
    names: [
      'human rights committee',
      // A common rendering in States' own English ("General Comment 34 of the Committee of Human Rights").
      'committee of human rights',
      'comite de derechos humanos',
      "comite des droits de l'homme",
    ],
  },
  {
    body: 'CESCR',
    names: [
      'committee on economic,? social and cultural rights',
      'comite de derechos economicos,? sociales y culturales',
      'comite des droits economiques,? sociaux et culturels',
    ],
  },
  {
    body: 'CRC',
    names: [
      'committee on the rights of the child',
      'comite de los derechos del nino',
      "comite des droits de l'enfant",
    ],
  },
  {
    body: 'CAT',
    names: ['committee against torture', 'comite contra la tortura', 'comite contre la torture'],
  },
  {
    body: 'CRPD',
    names: [
      'committee on the rights of persons with disabilities',
      'comite sobre los derechos de las personas con discapacidad',
      'comite des droits des personnes handicapees',
    ],
  },
  {
    body: 'CMW',
    names: [
      'committee on (?:the protection of the rights of all )?migrant workers(?: and members of their families)?',
      'comite (?:de|sobre la) proteccion de los derechos de todos los trabajadores migratorios y de sus familiares',
      'comite (?:pour la protection des droits de tous les )?travailleurs migrants(?: et des membres de leur famille)?',
    ],
  },
  {
    body: 'CED',
    names: [
      'committee on enforced disappearances',
      'comite contra la desaparicion forzada',
      'comite des disparitions forcees',
    ],
  },
  {
    body: 'IACHR',
    names: [
      'inter-american commission on human rights',
      'comision interamericana de derechos humanos',
      "commission interamericaine des droits de l'homme",
      'cidh',
      'iachr',
    ],
  },
];
/** Acronyms of the bodies, matched in the original text's case ("CEDAW", not "cedaw"). */
export const BODY_ACRONYMS: Readonly<Record<string, string>> = {
  CEDAW: 'CEDAW',
  CERD: 'CERD',
  CCPR: 'CCPR',
  CESCR: 'CESCR',
  CRC: 'CRC',
  CAT: 'CAT',
  CRPD: 'CRPD',
  CMW: 'CMW',
  CED: 'CED',
  CIDH: 'IACHR',
  // Spanish acronyms: "Comité DESC" (derechos económicos, sociales y culturales), "CDN" (niño).
  DESC: 'CESCR',
  CDN: 'CRC',
  IACHR: 'IACHR',
};

/** The body whose general comments and communications a mechanism's own text means. */
export const OWN_BODY: Readonly<Record<string, string>> = {
  CEDAW: 'CEDAW',
  CERD: 'CERD',
  CCPR: 'CCPR',
  CESCR: 'CESCR',
  CRC: 'CRC',
  CAT: 'CAT',
  CRPD: 'CRPD',
  CMW: 'CMW',
  CED: 'CED',
  IACHR: 'IACHR',
};

/**
 * UN document series the shared symbol pattern (core/document-symbols.ts) does not know:
 * resolutions ("A/RES/53/144", "S/RES/1325 (2000)"), Commission on Human Rights and
 * Sub-Commission documents ("E/CN.4/1997/37", "E/CN.4/Sub.2/2004/…"), conference documents
 * ("A/CONF.177/20"). Matched in the original case; a symbol ends before white space.
 */
export const EXTRA_SYMBOLS: readonly string[] = [
  String.raw`\b(?:A|S|A\/HRC|E\/CN\.\d{1,2})\/RES\/[A-Za-z0-9.-]+(?:\/[A-Za-z0-9.-]+)*`,
  String.raw`\bE\/CN\.\d{1,2}(?:\/Sub\.\d)?\/\d{4}\/[A-Za-z0-9.-]+(?:\/[A-Za-z0-9.-]+)*`,
  String.raw`\bA\/CONF\.\d{1,3}\/[A-Za-z0-9.-]+(?:\/[A-Za-z0-9.-]+)*`,
];
/**
 * Symbol elements written with a period, which a typo may separate from their number by a space:
 * "CCPR/C/SR. 118" is CCPR/C/SR.118.
 */
export const SPACED_ELEMENTS = 'SR|Add|Rev|Corr';
/**
 * "Part" of a report between its symbol and the paragraph: the General Assembly's annual reports
 * of the treaty bodies come in parts ("A/57/38, primera parte, párr. 205", "A/57/38 (Part I),
 * para. 205"). Folded text.
 */
export const REPORT_PART = String.raw`(?:\(\s*)?(?:(?:primera|segunda|tercera|first|second|third|premiere|deuxieme|troisieme) (?:parte|part|partie)|(?:parte|part|partie) (?:i{1,3}|one|two|three|\d))(?:\s*\))?`;
/**
 * Paragraph words written before a document's symbol: "párrafo 26 de sus anteriores observaciones
 * finales (CEDAW/C/GUA/CO/7)", "paragraph 61 of document CRC/C/ERI/CO/3". Folded text.
 */
export const PARAGRAPH_WORDS = 'paragraphs?|paras?\\.|parrafos?|parrs?\\.|paragraphes?|par\\.';
/**
 * Words that make such a paragraph one of the citing text itself ("párrafo 5 de las presentes
 * observaciones", "paragraph 12 above"), not of the symbol after it. Folded text.
 */
export const OWN_TEXT_WORDS =
  'present(?:e|es)?|presents|supra|above|below|infra|ci-dessus|ci-dessous';
/** Words joining such a paragraph to the words naming its document ("of", "de", "in"). */
export const PARAGRAPH_OF = 'of|in|de|del|en|du|des';
/** How far (characters) the words naming the document may run between paragraph and symbol. */
export const MAX_PARAGRAPH_TO_SYMBOL = 80;

/** Communications and petitions ("comunicación núm. 22/2009", "petition 321-12"). */
export const COMMUNICATION_WORDS = 'communications?|comunicaci(?:on|ones)|complaints?|denuncias?';
/** Petitions are the Inter-American Commission's. */
export const PETITION_WORDS = 'petitions?|petici(?:on|ones)';
export const PETITION_BODY = 'IACHR';

/** Case words ("caso", "case of", "affaire") and the courts that decide cases. */
export const CASE_WORDS = 'caso|case of|case|affaire|arret';
export const COURTS: readonly { readonly court: string; readonly names: readonly string[] }[] = [
  {
    court: 'IACTHR',
    names: [
      'inter-american court(?: of human rights)?',
      'corte interamericana(?: de derechos humanos)?',
      "cour interamericaine(?: des droits de l'homme)?",
      'corte idh',
      'iacthr',
      'iacourthr',
    ],
  },
  {
    court: 'ECTHR',
    names: [
      'european court of human rights',
      'european court',
      'tribunal europeo de derechos humanos',
      'tribunal europeo',
      "cour europeenne des droits de l'homme",
      'cour europeenne',
      'ecthr',
      'tedh',
      'cedh',
    ],
  },
];
/**
 * "vs." is the Inter-American Court's way of naming cases; "v." is everyone's (national courts
 * too), so a "v." case needs a court named in the text.
 */
export const VERSUS_COURT: Readonly<Record<string, string>> = { 'vs.': 'IACTHR' };
/** Where a case name ends: the respondent state's name runs at most this many words. */
export const MAX_RESPONDENT_WORDS = 4;
/** How far (characters) a case name may run before "vs." / "v.". */
export const MAX_CASE_NAME = 80;
/**
 * Words that make a capitalised "name" no case name: "the Constitutional Court case" names a
 * court, "the Committee" a body.
 */
export const NOT_CASE_NAME_WORDS =
  'court|corte|cour|tribunal|chamber|sala|chambre|commission|comision|committee|comite|convention|convencion|state|estado';
/** English words written after a case's name: "the Saramaka People case", "the Opuz judgment". */
export const CASE_AFTER_NAME_WORDS = 'case|judgment|judgement|ruling';
/**
 * The Inter-American Court names its indigenous-land cases after the community ("Caso Comunidad
 * Indígena Yakye Axa vs. Paraguay"), and texts cite them as "the Yakye Axa community". Folded text.
 */
export const COMMUNITY_WORDS = 'communit(?:y|ies)';
export const INDIGENOUS_WORDS = 'indigenous|indigenas?';
export const COMMUNITY_BEFORE_WORDS = 'comunidad(?:es)?';
/** The court whose cases are named after a community. */
export const COMMUNITY_CASE_COURT = 'IACTHR';
/** How near (characters) a court must be named to a case written without "Vs." or "caso". */
export const COURT_NEAR = 250;
/**
 * Words that tie an article with no treaty after it to the treaty named earlier in the same
 * sentence, in texts with no treaty of their own (UPR): "reservations to CEDAW, in particular
 * article 2", "the declarations provided for in articles 31 and 32", "in conformity with article
 * 14". Folded text, matched right before the article word.
 */
export const EARLIER_TREATY_CUES =
  "in particular|particularly|especially|notably|including|provided for (?:in|on|under|by)|in conformity with|in accordance with|pursuant to|under|en particular|especialmente|incluido|previstas? en|de conformidad con|conforme (?:a|al)|en virtud del?|notamment|en particulier|y compris|prevues? (?:a|au|par)|conformement (?:a|au)|en vertu de l'|en vertu du?";
