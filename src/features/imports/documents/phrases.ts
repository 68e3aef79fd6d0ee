/**
 * What tells a recommendation from a concern or narrative in treaty-body, special-procedure,
 * regional and UPR documents, in English, French and Spanish: data tables read by classify.ts.
 * Add a phrase here, not a branch in code. See docs/importing.md#documents.
 *
 * Patterns are matched against folded text (lower case, accents removed, one space between
 * words; see `foldForPhrases`).
 */

export type DocumentLanguage = 'en' | 'es' | 'fr';
export const DOCUMENT_LANGUAGES: readonly DocumentLanguage[] = ['en', 'es', 'fr'];

export interface PhraseTable {
  /** Who speaks: an operative verb counts up to MAX_WORDS_BETWEEN_SUBJECT_AND_VERB words after one. */
  readonly subjects: readonly string[];
  /** Pronouns and adverbs before a verb ("se recomienda", "It also urges"): at most two words before it. */
  readonly pronouns: readonly string[];
  /** Operative verbs and phrases: the speaker asks something of the state. */
  readonly operative: readonly string[];
  /** Operative verbs in the first person plural, which need no subject ("Recomendamos"). */
  readonly firstPerson: readonly string[];
  /** "The State party should": an ask when the state is its subject (`stateSubjects`). */
  readonly obligation: readonly string[];
  /** The state as the subject of an obligation. */
  readonly stateSubjects: readonly string[];
  /** The speaker is concerned or regrets: the paragraph motivates a recommendation. */
  readonly concern: readonly string[];
  /**
   * A chapeau that introduces a list of recommendations whose items are bare verbs
   * ("Adopt…", "Adoptar…"): the UPR's "the following recommendations…".
   */
  readonly recommendationList: readonly string[];
  /** Headings under which every item is a recommendation ("Recommendations"). */
  readonly recommendationHeadings: readonly string[];
  /** Headings under which nothing is asked ("Positive aspects", "Introduction"). */
  readonly narrativeHeadings: readonly string[];
}

export const PHRASES: Record<DocumentLanguage, PhraseTable> = {
  en: {
    subjects: [
      'committee',
      'working group',
      'special rapporteur',
      'rapporteur',
      'commission',
      'iachr',
      'experts',
      'group of experts',
      'grevio',
      'mechanism',
    ],
    pronouns: ['it', 'also', 'further', 'state party'],
    operative: [
      'recommends?',
      'urges?',
      'calls (?:up)?on',
      'requests?',
      'encourages?',
      'invites?',
      'suggests?',
      'reiterates? (?:its|the) (?:previous )?recommendations?',
      'exhorts?',
      'strongly advises?',
      'is recommended',
      // Annual reports tell what the Committee asked; a past participle alone ("measures
      // recommended") is not an ask, so the object must follow.
      '(?:recommended|urged|encouraged|invited|suggested) (?:that|the (?:government|state))',
      'called (?:up)?on the (?:government|state)',
    ],
    firstPerson: ['we (?:recommend|urge|call (?:up)?on|request|encourage|invite)'],
    stateSubjects: ['(?:the )?state party', '(?:the )?government', '(?:the )?state'],
    obligation: ['should', 'must', 'is (?:urged|requested|encouraged) to'],
    concern: [
      'concern(?:ed|s)?',
      'regrets?',
      'deplores?',
      'alarmed',
      'notes? with (?:deep |serious |grave )?(?:concern|regret|disquiet)',
      'worried',
      'disquiet',
    ],
    recommendationList: [
      'the following recommendations',
      'recommendations (?:listed |formulated |set out )?below',
      'recommendations (?:have|has) been examined by .{0,40} and enjoy (?:its|the) support',
      'enjoy the support of',
      'will examine the following recommendations',
      'the state party should',
    ],
    recommendationHeadings: [
      'recommendations?',
      'conclusions and(?:/or)? recommendations',
      'suggestions and recommendations',
      'principal subjects of concern and recommendations',
      'principal areas of concern and recommendations',
    ],
    narrativeHeadings: [
      'introduction',
      'positive aspects',
      'factors and difficulties',
      'summary of the proceedings',
      'presentation by the state under review',
      'interactive dialogue',
    ],
  },
  es: {
    subjects: [
      'comite',
      'grupo de trabajo',
      'relatora? especial',
      'relatora?',
      'comision',
      'cidh',
      'cevi',
      'comite de expertas?',
      'mecanismo',
    ],
    pronouns: ['se', 'le', 'les', 'tambien', 'asimismo', 'ademas', 'estado parte'],
    operative: [
      'recomiendan?',
      'instan?',
      'exhortan?',
      'piden?',
      'alientan?',
      'invitan?',
      'sugieren?',
      'solicitan?',
      'urgen?',
      'encarecen?',
      'animan?',
      'proponen?',
      'reiteran? (?:sus?|la|las) (?:anteriores? )?recomendacion(?:es)?',
      'hacen? un llamamiento',
      // Annual reports tell what the Committee asked: "El Comité exhortó al Gobierno a que …".
      'recomendo',
      'insto',
      'exhorto',
      'alento',
      'invito',
      'sugirio',
      // Not "pidió"/"solicitó": "Se solicitó mayor información" reports members' questions.
    ],
    firstPerson: ['recomendamos', 'instamos', 'exhortamos', 'solicitamos', 'sugerimos', 'pedimos'],
    stateSubjects: ['(?:el )?estado parte', '(?:el )?gobierno', '(?:el )?estado'],
    obligation: ['debe(?:ria|n|rian)?', 'tiene(?:n)? que'],
    concern: [
      'preocupa(?:n|cion|do|da|dos|das)?',
      'preocupaciones',
      'lamentan?',
      'deploran?',
      'alarma(?:do|da)?',
      'inquietud',
      'inquieta(?:n|do|da)?',
      'observa(?:n)? con (?:profunda |gran |seria )?(?:preocupacion|inquietud|pesar)',
    ],
    recommendationList: [
      'las recomendaciones (?:que figuran |enumeradas |formuladas )?a continuacion',
      'recomendaciones que figuran a continuacion',
      'cuentan con (?:su|el) apoyo',
      'examinara las recomendaciones',
      'las siguientes recomendaciones',
      'el estado parte debe(?:ria)?',
    ],
    recommendationHeadings: [
      'recomendaciones?',
      'conclusiones y(?:/o)? recomendaciones',
      'sugerencias y recomendaciones',
      'principales (?:motivos|esferas|temas) de preocupacion y recomendaciones',
    ],
    narrativeHeadings: [
      'introduccion',
      'aspectos positivos',
      'factores y dificultades',
      'resumen de las deliberaciones',
      'exposicion del estado examinado',
      'dialogo interactivo',
    ],
  },
  fr: {
    subjects: [
      'comite',
      'groupe de travail',
      'rapporteuse speciale',
      'rapporteur special',
      'rapporteu(?:r|se)',
      'commission',
      'experts?',
      'grevio',
      'mecanisme',
    ],
    pronouns: ['il', 'elle', 'egalement', 'en outre', 'etat partie'],
    operative: [
      'recommande(?:nt)?',
      'engage(?:nt)?',
      'prie(?:nt)?',
      'exhorte(?:nt)?',
      'demande(?:nt)?',
      'encourage(?:nt)?',
      'invite(?:nt)?',
      'suggere(?:nt)?',
      'reitere(?:nt)? (?:sa|ses|la|les) (?:precedentes? )?recommandations?',
      'appelle(?:nt)?',
    ],
    firstPerson: ['nous (?:recommandons|engageons|prions|exhortons|demandons|encourageons)'],
    stateSubjects: ['l etat partie', 'le gouvernement', 'l etat'],
    obligation: ['doi(?:t|vent)', 'devrai(?:t|ent)'],
    concern: [
      'preoccupe(?:e|s|es)?',
      'preoccupations?',
      'regrette(?:nt)?',
      'deplore(?:nt)?',
      'inquiet(?:e|s|es)?',
      'inquietude',
      'alarme(?:e)?',
      'note avec (?:une vive |une grande |une serieuse )?(?:preoccupation|inquietude|regret)',
    ],
    recommendationList: [
      'les recommandations (?:ci-apres|suivantes|enoncees ci-dessous)',
      'recommandations (?:ci-apres|suivantes)',
      'recueillent (?:son|l) appui',
      'examinera les recommandations',
      'l etat partie devrait',
    ],
    recommendationHeadings: [
      'recommandations?',
      'conclusions et(?:/ou)? recommandations',
      'suggestions et recommandations',
      'principaux (?:sujets|domaines) de preoccupation et recommandations',
    ],
    narrativeHeadings: [
      'introduction',
      'aspects positifs',
      'facteurs et difficultes',
      'resume des debats',
      'expose de l etat examine',
      'dialogue',
    ],
  },
};

/**
 * Words allowed between a speaker and its operative verb in one sentence ("The Committee,
 * recalling its general recommendation No. 33 (2015) on women's access to justice, recommends").
 */
export const MAX_WORDS_BETWEEN_SUBJECT_AND_VERB = 45;
/** Words allowed between the state and "should" ("The State party should also"). */
export const MAX_WORDS_BEFORE_OBLIGATION = 3;
/** Words allowed between a pronoun and its verb ("Se le recomienda"). */
export const MAX_WORDS_AFTER_PRONOUN = 2;
/** Relative pronouns: a verb right after one is in a subordinate clause ("mujeres que solicitan"). */
export const RELATIVE = ['que', 'that', 'who', 'which', 'qui', 'quienes'];

/** Sentence ends: a full stop, question or exclamation mark before a capital letter. */
export const SENTENCE_END = /(?<=[.!?])\s+(?=[\p{Lu}¿¡"«“])/u;

/** Lower case, accents and punctuation folded, for matching the tables above. */
export function foldForPhrases(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}/()-]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * What a UPR chapeau says of the state's position on the recommendations listed under it
 * ("… enjoy the support of Argentina"), checked in order (the negative forms first).
 */
export const CHAPEAU_RESPONSES: Record<
  DocumentLanguage,
  readonly { readonly pattern: string; readonly response: 'SUPPORTED' | 'NOTED' }[]
> = {
  en: [
    { pattern: 'did not enjoy the support|do not enjoy the support', response: 'NOTED' },
    { pattern: 'noted by|has noted|takes note|will be noted', response: 'NOTED' },
    { pattern: 'enjoy(?:ed|s)? (?:the|its) support', response: 'SUPPORTED' },
  ],
  es: [
    {
      pattern: 'no cuentan con (?:su|el) apoyo|no contaron con (?:su|el) apoyo',
      response: 'NOTED',
    },
    { pattern: 'ha tomado nota|toma nota|tomo nota', response: 'NOTED' },
    { pattern: 'cuentan con (?:su|el) apoyo|contaron con (?:su|el) apoyo', response: 'SUPPORTED' },
  ],
  fr: [
    { pattern: 'n ont pas recueilli|ne recueillent pas', response: 'NOTED' },
    { pattern: 'a pris note|prend note', response: 'NOTED' },
    {
      pattern: 'recueilli(?:ent)? (?:son|l) (?:appui|adhesion)|recueillent (?:son|l) appui',
      response: 'SUPPORTED',
    },
  ],
};
