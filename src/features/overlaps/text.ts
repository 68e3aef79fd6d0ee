/**
 * Turns a recommendation's wording into what the overlap detector compares: content words
 * (stop words and hedges removed, Snowball-stemmed in English, French or Spanish, treaty and
 * institution names replaced by one token each) and its commitment signature (objects and
 * actions, see vocabulary/objects.ts and vocabulary/actions.ts).
 */
import snowball, { type Stemmer } from 'snowball-stemmers';
import { eng, fra, spa } from 'stopword';
import { guessLanguage } from '../../core/language.ts';
import { parseUprText } from '../imports/index.ts';
import { ACTIONS, type ActionCode } from './vocabulary/actions.ts';
import { HEDGES } from './vocabulary/hedges.ts';
import { LEMMAS } from './vocabulary/lemmas.ts';
import { OBJECTS } from './vocabulary/objects.ts';
import { REPEAT_PHRASES } from './vocabulary/repeat-phrases.ts';
import type { CommitmentObject, Language } from './vocabulary/types.ts';

/** Lower case, accents removed, every run of non-alphanumerics one space. */
export function fold(text: string): string {
  return ` ${text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, ' ')
    .trim()} `;
}

const STOP: Record<Language, ReadonlySet<string>> = {
  en: new Set([...eng, ...HEDGES.en].map((w) => fold(w).trim())),
  fr: new Set([...fra, ...HEDGES.fr].map((w) => fold(w).trim())),
  es: new Set([...spa, ...HEDGES.es].map((w) => fold(w).trim())),
};

const STEMMERS: Record<Language, Stemmer> = {
  en: snowball.newStemmer('english'),
  fr: snowball.newStemmer('french'),
  es: snowball.newStemmer('spanish'),
};

export function languageOf(code: string | null | undefined): Language {
  const lower = (code ?? '').toLowerCase();
  if (lower.startsWith('fr')) return 'fr';
  if (lower.startsWith('es')) return 'es';
  return 'en';
}

export interface Analysis {
  /** Distinct content tokens: stems, and `@code` for each recognised object. */
  readonly tokens: readonly string[];
  /** Recognised objects with the ones they imply (ICCPR_OP2 implies DEATH_PENALTY). */
  readonly objects: ReadonlySet<string>;
  readonly actions: ReadonlySet<ActionCode>;
  /**
   * The instruments it asks to ratify, accede to or sign (`treatyObjects`): in "align the law
   * with the Rome Statute and ratify the Kampala amendments" only the amendments.
   */
  readonly bound: ReadonlySet<string>;
  /** The words that said "as previously recommended", when the text says so. */
  readonly repeatPhrase: string | null;
}

/** An analysis as stored on a recommendation (`overlapAnalysis`), so later runs skip the work. */
export function serialiseAnalysis(a: Analysis): string {
  return JSON.stringify({
    t: a.tokens,
    o: [...a.objects],
    a: [...a.actions],
    b: [...a.bound],
    p: a.repeatPhrase,
  });
}

/** The inverse of serialiseAnalysis. */
export function parseAnalysis(stored: string): Analysis {
  const raw = JSON.parse(stored) as {
    t: string[];
    o: string[];
    a: ActionCode[];
    /** Absent before `overlaps-4`, whose runs analyse such texts again (`DETECTOR_VERSION`). */
    b?: string[];
    p: string | null;
  };
  return {
    tokens: raw.t,
    objects: new Set(raw.o),
    actions: new Set(raw.a),
    bound: new Set(raw.b ?? []),
    repeatPhrase: raw.p,
  };
}

const OBJECT_BY_CODE = new Map<string, CommitmentObject>(OBJECTS.map((o) => [o.code, o]));

export function objectLabel(code: string): string {
  return OBJECT_BY_CODE.get(code)?.label ?? code;
}

const TREATY_AND_PROTOCOL =
  / (convention against torture|convention on the rights of persons with disabilities|crpd|cedaw|convention on the elimination of all forms of discrimination against women|convention on the rights of the child|crc|international covenant on economic social and cultural rights|icescr) and (?:its|the) (?:optional )?protocol(s)? (?!to |of )/gu;

/** "the ICCPR's optional protocols" says "the optional protocols to the ICCPR". */
const POSSESSIVE_PROTOCOL =
  / (icescr|iccpr|cedaw|crpd|crc|cat|convention against torture) s ((?:two |three )?optional protocols?) /gu;
/** The ICCPR has two optional protocols; asking for "its optional protocols" asks for both. */
const ICCPR_PROTOCOLS =
  / (?:the )?(?:two )?optional protocols (?:to|of) (?:the )?(?:iccpr|international covenant on civil and political rights) /gu;

/** A treaty token followed by "and its (optional) protocol(s)", "as well as the protocols thereto". */
const PROTOCOL_AFTER_TREATY =
  / @(cat|crpd|cedaw|icescr|iccpr|crc) (?:and|as well as|together with|including) (?:its|the) (first |second |two )?(?:optional )?protocol(s)?(?: thereto)? /gu;

/**
 * "CAT [...] and accede to its Optional Protocol", "[...] the Optional Protocol to this
 * Convention": a treaty token, a few words, then its protocol.
 */
const PROTOCOL_LATER_IN_TEXT =
  / @(cat|crpd|cedaw|icescr|iccpr|crc) ((?:[a-z0-9]+ ){1,12}?)(?:its|their|the) (first |second |two )?(?:optional )?protocol(s)?(?: (?:to|of) (?:this|the) (?:convention|covenant))? (?!to |of )/gu;

/** The protocols "its protocol(s)" names for a treaty token. */
function protocolsOf(treaty: string, which: string, plural: boolean): string[] {
  switch (treaty) {
    case 'cat':
      return ['OPCAT'];
    case 'crpd':
      return ['CRPD_OP'];
    case 'cedaw':
      return ['CEDAW_OP'];
    case 'icescr':
      return ['ICESCR_OP'];
    case 'iccpr':
      if (which.startsWith('second')) return ['ICCPR_OP2'];
      if (which.startsWith('first') || !plural) return ['ICCPR_OP1'];
      return ['ICCPR_OP1', 'ICCPR_OP2'];
    case 'crc':
      return plural ? ['CRC_OPAC', 'CRC_OPSC'] : [];
    default:
      return [];
  }
}

/** Words asking to become bound by a treaty: RATIFY's and SIGN's patterns. */
const TREATY_VERB = new RegExp(
  ACTIONS.filter((a) => a.code === 'RATIFY' || a.code === 'SIGN')
    .flatMap((a) => a.patterns.map((p) => p.source))
    .join('|'),
  'gu',
);
/** Words asking for something else with a treaty: bring the law into line with it, apply it. */
const OTHER_TREATY_VERB =
  /\b(?:(?<!periodic )review[a-z]*|revis[a-z]*|align[a-z]*|harmoni[sz][a-z]*|in(?:to)? line with|in(?:to)? conformity with|implement[a-z]*|apply|applying|application|compl(?:y|ying|iance)|withdraw[a-z]*|lift|lifting|reservations?|incorporat[a-z]*|integrat[a-z]*|adjust[a-z]*|adapt[a-z]*|domesticat[a-z]*|transpos[a-z]*|fulfil[a-z]*|respect|respecting|cooperat[a-z]*|mettre en (?:oeuvre|conformite)|mise en (?:oeuvre|conformite)|appliquer|respecter|cooperer|armoniz[a-z]*|aplicar|implementar|cumplir|adecuar|cooperar)\b/gu;
/**
 * Between a treaty verb and a later verb, what shows the treaty verb already had its object
 * ("ratify the OP-CAT and implement the CAT"), where nothing does when the two share one
 * ("the ratification and gradual implementation of the CRPD").
 */
const OWN_OBJECT = /@[a-z]|\b(?:instruments?|treat(?:y|ies)|conventions?|protocols?|statute)\b/u;
const INSTRUMENT_TOKEN = /@([a-z0-9_]+)/gu;
/** A treaty verb in the past, saying who or when: "ratified by Uruguay", "signed in 2009". */
const DONE = /^[a-z]+ed (?:by|in|on) /u;
/** The same in a perfect tense: "the conventions it has ratified", "already signed". */
const PERFECT = /\b(?:has|have|had|already)(?: been)? $/u;
/** A treaty verb's object given by a pronoun: "ratify it", "accede to them", "la ratifier". */
const PRONOUN_OBJECT = /^ (?:(?:to )?(?:it|them)|thereto)\b/u;
const INSTRUMENT_CODES = new Set(OBJECTS.filter((o) => o.kind === 'INSTRUMENT').map((o) => o.code));

/**
 * The instruments a text asks to ratify, accede to or sign: each named after a treaty verb
 * ("ratify", "accession to", "sign") with no other verb about it in between ("ensure alignment
 * with"), unless the two share the object ("ratify and implement X": `OWN_OBJECT`); one with no
 * verb before it, when the first verb after it is a treaty verb ("OP-CAT ratification").
 * @param folded the folded text with objects replaced by their tokens
 */
function treatyObjects(folded: string, objects: ReadonlySet<string>): Set<string> {
  const instruments = [...objects].filter((o) => INSTRUMENT_CODES.has(o));
  // "The core treaties ratified by Uruguay", "CEDAW, ratified in 1995": done, not asked.
  const treatyVerbs = [...folded.matchAll(TREATY_VERB)].filter(
    (v) => !DONE.test(folded.slice(v.index)) && !PERFECT.test(folded.slice(0, v.index)),
  );
  if (instruments.length === 0 || treatyVerbs.length === 0) return new Set();
  const otherVerbs = [...folded.matchAll(OTHER_TREATY_VERB)];
  const bound = new Set<string>();
  for (const mention of folded.matchAll(INSTRUMENT_TOKEN)) {
    const code = mention[1]!.toUpperCase();
    if (!INSTRUMENT_CODES.has(code)) continue;
    const before = (verbs: RegExpExecArray[]) =>
      verbs.filter((v) => v.index + v[0].length <= mention.index).at(-1);
    const treaty = before(treatyVerbs);
    const other = before(otherVerbs);
    if (!treaty && !other) {
      // No verb before it: the first verb after it says ("OP-CAT ratification", "expand the
      // instruments in force, in particular by ratifying the OP2"; "the CRC: implement it").
      const after = (verbs: RegExpExecArray[]) => verbs.find((v) => v.index > mention.index);
      const nextTreaty = after(treatyVerbs);
      const nextOther = after(otherVerbs);
      if (nextTreaty && (!nextOther || nextTreaty.index < nextOther.index)) bound.add(code);
      continue;
    }
    if (!treaty) continue;
    if (
      !other ||
      other.index < treaty.index ||
      !OWN_OBJECT.test(folded.slice(treaty.index + treaty[0].length, other.index))
    ) {
      bound.add(code);
    }
  }
  // "Implement the CAT and accelerate the procedures to ratify it": what was named before.
  for (const verb of treatyVerbs) {
    const after = folded.slice(verb.index + verb[0].length);
    if (!PRONOUN_OBJECT.test(after)) continue;
    for (const mention of folded.slice(0, verb.index).matchAll(INSTRUMENT_TOKEN)) {
      const code = mention[1]!.toUpperCase();
      if (INSTRUMENT_CODES.has(code)) bound.add(code);
    }
  }
  // And what those stand for: "the two Optional Protocols to the CRC" are OPAC and OPSC.
  for (const code of [...bound]) {
    for (const implied of OBJECT_BY_CODE.get(code)?.implies ?? []) {
      if (INSTRUMENT_CODES.has(implied)) bound.add(implied);
    }
  }
  return bound;
}

/**
 * Non-global copies of the patterns for test/exec (a global RegExp keeps `lastIndex` between
 * calls), made once rather than per text.
 */
const once = (p: RegExp) => new RegExp(p.source, 'u');
const OBJECT_TESTS = OBJECTS.flatMap((o) => o.patterns.map(once));
const ACTION_TESTS = ACTIONS.map((a) => ({ code: a.code, patterns: a.patterns.map(once) }));
const PHRASE_TESTS = REPEAT_PHRASES.map(once);

/** "(Brazil, Chile);" at the end of a UPR text names who recommended, not what. */
function withoutAttribution(text: string): string {
  const parsed = parseUprText(text);
  if (!parsed.recommending) return text;
  // Keep a trailing "(OP-CAT)" or "(ICRMW)": it names an object, not a state.
  const tail = fold(parsed.recommending);
  const namesObject = OBJECT_TESTS.some((p) => p.test(tail));
  return namesObject ? text : parsed.body || text;
}

/**
 * Analyses one wording, in `language`; a null language is guessed from the text (English when
 * the text is too short to tell).
 * @example analyse('Consider ratifying the OP-CAT', 'en').objects has 'OPCAT'
 */
/**
 * The opening words of a treaty body's, a special procedure's or a regional body's
 * recommendation, which say who asks whom ("The Committee urges the State party to", "El Comité
 * recomienda al Estado parte que", "Le Comité engage l'État partie à", "the State party should"),
 * on folded text. They carry no part of the ask, and left in they make every committee text
 * resemble every other one and no UPR text.
 */
const CHAPEAUX: readonly RegExp[] = [
  /^ (?:(?:the|el|la|le|les|los) )?(?:committee|commission|special rapporteur|working group|expert|comite|comision|relatora? especial|grupo de trabajo|rapporteur special|rapporteuse speciale|groupe de travail|mecanismo de seguimiento|mesecvi|cevi)\b[^.;:]{0,80}?\b(?:urges|recommends|calls upon|calls on|encourages|requests|invites|reiterates|insta|recomienda|exhorta|alienta|pide|solicita|invita|reitera|exhorte|recommande|engage|prie|invite|demande|encourage|reitere)\b(?: (?:its|su|sa) (?:previous |anterior |precedente )?(?:recommendation|recomendacion|recommandation)s?)?(?: (?:that|que|de|a|to|al|a la|aux?))*(?: (?:the|el|la|l|les) )?(?: ?(?:state|states|estado|estados|etat|etats)(?: (?:party|parties|parte|partes|partie|parties))?)?(?: (?:should|to|que|a|de|debe|deberia|doit|devrait))*(?= )/,
  /^ (?:the )?state party should(?= )/,
  /^ (?:el )?estado parte (?:debe|deberia)(?= )/,
  /^ (?:l )?etat partie (?:doit|devrait)(?= )/,
];

export function withoutChapeau(folded: string): string {
  for (const chapeau of CHAPEAUX) {
    const match = chapeau.exec(folded);
    if (match) return folded.slice(match[0].length) || folded;
  }
  return folded;
}

export function analyse(text: string, language: string | null = 'en'): Analysis {
  const lang = languageOf(language ?? guessLanguage(text));
  let folded = fold(withoutAttribution(text));

  let repeatPhrase: string | null = null;
  for (const phrase of PHRASE_TESTS) {
    const match = phrase.exec(folded);
    if (match) {
      repeatPhrase = match[0].trim();
      break;
    }
  }

  folded = withoutChapeau(folded);

  // "the CRPD and its Optional Protocol" asks for both: name the protocol as such.
  folded = folded.replace(
    TREATY_AND_PROTOCOL,
    (_all, treaty: string, plural: string | undefined) =>
      ` ${treaty} and optional protocol${plural ?? ''} to the ${treaty} `,
  );

  folded = folded
    .replace(POSSESSIVE_PROTOCOL, (_all, treaty: string, protocols: string) => {
      return ` ${protocols} to the ${treaty} `;
    })
    .replace(
      ICCPR_PROTOCOLS,
      ' first optional protocol to the iccpr and second optional protocol to the iccpr ',
    );

  const objects = new Set<string>();
  for (const object of OBJECTS) {
    const token = ` @${object.code.toLowerCase()} `;
    for (const pattern of object.patterns) {
      folded = folded.replace(pattern, () => {
        objects.add(object.code);
        for (const implied of object.implies ?? []) objects.add(implied);
        return token;
      });
    }
  }

  // "CAT [...] and its Optional Protocol" once the treaty's full name has become one token.
  const protocolTokens = (treaty: string, which: string | undefined, plural: boolean) => {
    const protocols = protocolsOf(treaty, which ?? '', plural);
    for (const code of protocols) {
      objects.add(code);
      for (const implied of OBJECT_BY_CODE.get(code)?.implies ?? []) objects.add(implied);
    }
    return protocols.map((c) => `@${c.toLowerCase()}`).join(' ');
  };
  folded = folded
    .replace(/ {2,}/gu, ' ')
    .replace(
      PROTOCOL_AFTER_TREATY,
      (all, treaty: string, which: string | undefined, plural: string | undefined) => {
        const tokens = protocolTokens(treaty, which, Boolean(plural));
        return tokens ? ` @${treaty} ${tokens} ` : all;
      },
    )
    .replace(
      PROTOCOL_LATER_IN_TEXT,
      (
        all,
        treaty: string,
        between: string,
        which: string | undefined,
        plural: string | undefined,
      ) => {
        const tokens = protocolTokens(treaty, which, Boolean(plural));
        return tokens ? ` @${treaty} ${between}${tokens} ` : all;
      },
    );

  const actions = new Set<ActionCode>();
  for (const action of ACTION_TESTS) {
    if (action.patterns.some((p) => p.test(folded))) actions.add(action.code);
  }
  // "Sign and ratify" asks for ratification; signature alone is only its first step.
  if (actions.has('RATIFY')) actions.delete('SIGN');

  const stop = STOP[lang];
  const stemmer = STEMMERS[lang];
  const tokens = new Set<string>();
  for (const word of folded.split(' ')) {
    if (word.length < 2) continue;
    if (word.startsWith('@')) tokens.add(word);
    else if (!stop.has(word)) tokens.add(stemmer.stem(LEMMAS.get(word) ?? word));
  }
  const bound = treatyObjects(folded, objects);
  return { tokens: [...tokens], objects, actions, bound, repeatPhrase };
}
