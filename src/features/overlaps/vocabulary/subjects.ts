/**
 * Subjects: one token for the ways a subject is named, so paraphrases meet in the lexical
 * comparison. Apart from the death penalty they carry no signature rule.
 */
import { rx } from './pattern.ts';
import type { CommitmentObject } from './types.ts';

export const SUBJECTS: readonly CommitmentObject[] = [
  {
    code: 'FGM',
    kind: 'SUBJECT',
    label: 'female genital mutilation',
    patterns: [
      rx(
        'female genital mutilation(?: cutting)?|female circumcision|fgm(?: c)?|mutilations? genitales? feminines?|mutilacion genital femenina',
      ),
    ],
  },
  {
    code: 'HRD',
    kind: 'SUBJECT',
    label: 'human rights defenders',
    patterns: [
      rx(
        'human rights (?:defenders|advocates|activists)|hrds?|defenders of human rights|defenseurs (?:et defenseuses )?des droits (?:de l homme|humains)|defensor(?:es|as) de (?:los )?derechos humanos',
      ),
    ],
  },
  {
    code: 'TRAFFICKING',
    kind: 'SUBJECT',
    label: 'trafficking in persons',
    patterns: [
      rx(
        // Not drug or arms trafficking ("combat drug trafficking" is another subject).
        '(?:human )?(?<!(?:drug|drugs|narcotic|narcotics|arms|weapons|illicit) )trafficking(?! (?:in|of) (?:drugs|narcotics|arms|weapons))(?: in (?:human beings|persons|women and children|women and girls|people))?|traite des (?:etres humains|personnes)|trata de (?:personas|seres humanos)',
      ),
    ],
  },
  {
    code: 'VAW',
    kind: 'SUBJECT',
    label: 'violence against women',
    patterns: [
      rx(
        '(?:all forms of )?(?:violence against women(?: and girls)?|gender based violence|violence a l egard des femmes|violence fondee sur le genre|violencia contra (?:la mujer|las mujeres)|violencia de genero)',
      ),
    ],
  },
  {
    code: 'RACISM',
    kind: 'SUBJECT',
    label: 'racism and racial discrimination',
    patterns: [
      rx(
        'racism|racist|racial(?:ly)? (?:discrimination|motivated)|racisme|discrimination raciale|racismo|discriminacion racial',
      ),
    ],
  },
  {
    code: 'CHILD_SOLDIERS',
    kind: 'SUBJECT',
    label: 'children associated with armed forces or groups',
    patterns: [
      rx(
        'child soldiers|children (?:associated with|recruited by|in) armed (?:forces|groups)|(?:forced )?recruitment of children|demobili[sz]ed children|enfants soldats|ninos soldados',
      ),
    ],
  },
  {
    code: 'DEATH_PENALTY',
    kind: 'SUBJECT',
    label: 'the death penalty',
    patterns: [
      rx(
        'death penalty|death sentences?|capital punishment|capital offen[cs]es|capital crimes|executions?|peine de mort|peine capitale|pena de muerte|pena capital|ejecuciones',
      ),
    ],
  },
];
