/** What a recommendation asks a state to do with an object (see objects.ts). */
import { rx } from './pattern.ts';

export type ActionCode =
  | 'RATIFY'
  | 'SIGN'
  | 'WITHDRAW_RESERVATIONS'
  | 'LEGISLATE'
  | 'CRIMINALISE'
  | 'DECRIMINALISE'
  | 'ESTABLISH'
  | 'STRENGTHEN'
  | 'INVESTIGATE_PROSECUTE'
  | 'TRAIN'
  | 'AWARENESS'
  | 'RESOURCES'
  | 'DATA'
  | 'PLAN'
  | 'INVITE'
  | 'REPORT'
  | 'ABOLISH'
  | 'MORATORIUM'
  | 'COMMUTE'
  | 'REDUCE';

export interface CommitmentAction {
  readonly code: ActionCode;
  readonly patterns: readonly RegExp[];
}

/** Actions, in EN/FR/ES. A text may carry several. */
export const ACTIONS: readonly CommitmentAction[] = [
  {
    code: 'RATIFY',
    patterns: [
      rx(
        'ratif[a-z]*|accede|acceding|accession|adhere|adhering|adherence|become (?:a )?(?:state )?part(?:y|ies)|becoming (?:a )?part(?:y|ies)|adher[a-z]*|devenir partie|ratific[a-z]*|adhesion|adherir[a-z]*|hacerse parte',
      ),
    ],
  },
  { code: 'SIGN', patterns: [rx('sign|signing|signature|signer|firmar|firma')] },
  {
    code: 'WITHDRAW_RESERVATIONS',
    patterns: [
      rx(
        '(?:withdraw|withdrawing|withdrawal of|lift|lifting|remove|removing|removal of)(?: [a-z]+){0,4} reservations?|retirer (?:ses |les )?reserves|levee des reserves|retirar (?:sus |las )?reservas',
      ),
    ],
  },
  {
    code: 'LEGISLATE',
    patterns: [
      rx(
        'laws?|legislation|legislative|domesticat[a-z]*|incorporat[a-z]*|legal framework|bills?|penal code|criminal code|civil code|family code|labou?r code|statutes?|enact[a-z]*|amend[a-z]*|repeal[a-z]*|lois?|legislati[fv][a-z]*|code penal|projet de loi|leyes|ley|legislacion|codigo penal|proyecto de ley',
      ),
    ],
  },
  {
    code: 'CRIMINALISE',
    patterns: [
      rx(
        'criminali[sz][a-z]*|penali[sz][a-z]*|(?:criminal|specific) offen[cs]e|make [a-z ]{0,30}(?:an? )?(?:criminal )?offen[cs]e|incrimin[a-z]*|eriger en infraction|tipific[a-z]*|penaliz[a-z]*',
      ),
    ],
  },
  {
    code: 'DECRIMINALISE',
    patterns: [rx('decriminali[sz][a-z]*|depenali[sz][a-z]*|despenaliz[a-z]*')],
  },
  {
    code: 'ESTABLISH',
    patterns: [
      rx(
        'establish[a-z]*|creat[a-z]*|set(?:ting)? up|institut(?:e|ing)|put in place|putting in place|etabli[a-z]*|creer|creation|mettre en place|establec[a-z]*|crear|creacion',
      ),
    ],
  },
  {
    code: 'STRENGTHEN',
    patterns: [
      rx(
        'strengthen[a-z]*|reinforc[a-z]*|enhanc[a-z]*|capacity|independence|renforc[a-z]*|fortale[cz][a-z]*|reforz[a-z]*',
      ),
    ],
  },
  {
    code: 'INVESTIGATE_PROSECUTE',
    patterns: [
      rx(
        'investigat[a-z]*|prosecut[a-z]*|bring [a-z ]{0,40}to justice|brought to justice|punish[a-z]*|accountab[a-z]*|impunity|perpetrators|enquet[a-z]*|poursui[a-z]* en justice|traduire en justice|impunite|investig[a-z]*|enjuic[a-z]*|sancion[a-z]*|impunidad',
      ),
    ],
  },
  {
    code: 'TRAIN',
    patterns: [rx('train[a-z]*|capacity building|formation|capacitaci[a-z]*|formacion')],
  },
  {
    code: 'AWARENESS',
    patterns: [
      rx(
        'awareness|sensiti[sz][a-z]*|campaigns?|sensibilis[a-z]*|sensibiliz[a-z]*|conciencia[a-z]*',
      ),
    ],
  },
  {
    code: 'RESOURCES',
    patterns: [
      rx(
        'resources|fund(?:s|ing|ed)?|budget[a-z]*|allocat[a-z]*|ressources|financement|recursos|presupuest[a-z]*|financiaci[a-z]*',
      ),
    ],
  },
  {
    code: 'DATA',
    patterns: [rx('data|statistic[a-z]*|donnees|datos|estadistic[a-z]*')],
  },
  {
    code: 'PLAN',
    patterns: [
      rx('(?:action )?plans?|strateg(?:y|ies)|plan d action|strategie|plan de accion|estrategia'),
    ],
  },
  {
    code: 'INVITE',
    patterns: [
      rx(
        'invit[a-z]*|visits?|receive the special rapporteur|accept [a-z ]{0,30}requests?|visite[s]?|visita[s]?',
      ),
    ],
  },
  {
    code: 'REPORT',
    patterns: [
      rx(
        'submit[a-z]* (?:its |the |all )?(?:[a-z]+ ){0,3}reports?|overdue reports?|soumettre (?:ses |les )?rapports|presentar (?:sus |los )?informes',
      ),
    ],
  },
  { code: 'ABOLISH', patterns: [rx('abolish[a-z]*|abolition|abolir|abolicion')] },
  { code: 'MORATORIUM', patterns: [rx('moratori(?:um|a)|moratoire')] },
  { code: 'COMMUTE', patterns: [rx('commut[a-z]*|conmut[a-z]*')] },
  {
    code: 'REDUCE',
    patterns: [
      rx(
        'reduc[a-z]* (?:the )?(?:number|list|scope) of (?:crimes|offen[cs]es)|(?:review|limit|restrict)[a-z]* (?:the )?(?:list|number|scope) of (?:crimes|offen[cs]es)|most serious crimes|reduire le nombre|reducir el numero',
      ),
    ],
  },
];

/** The rungs of the death-penalty ladder (see the labelling guideline in docs/overlaps.md). */
export const DEATH_PENALTY_RUNGS: ReadonlySet<ActionCode> = new Set([
  'ABOLISH',
  'MORATORIUM',
  'COMMUTE',
  'REDUCE',
]);
