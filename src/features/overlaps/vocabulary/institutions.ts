/**
 * Institutions and standing arrangements a recommendation asks a state to establish or strengthen:
 * a national human rights institution, a preventive mechanism, a standing invitation.
 */
import { rx } from './pattern.ts';
import type { CommitmentObject } from './types.ts';

export const INSTITUTIONS: readonly CommitmentObject[] = [
  {
    code: 'NHRI',
    kind: 'INSTITUTION',
    label: 'national human rights institution in line with the Paris Principles',
    patterns: [
      rx(
        'national human rights institutions?|nhris?|national institutions? (?:for|on) (?:the )?(?:promotion and (?:the )?protection of )?human rights|national (?:human rights )?commission (?:for|on) human rights|national human rights commissions?|(?:permanent )?independent (?:national )?human rights (?:monitoring )?(?:bodies|body|institutions?|commissions?)|paris principles|institutions? nationales? (?:des|de) droits de l homme|principes de paris|institucion(?:es)? nacional(?:es)? de derechos humanos|principios de paris',
      ),
    ],
  },
  {
    code: 'NPM',
    kind: 'INSTITUTION',
    label: 'national preventive mechanism against torture',
    patterns: [
      rx(
        'national (?:torture )?prevent(?:ive|ion) mechanisms?|npm|mecanisme national de prevention|mecanismo nacional de prevencion',
      ),
    ],
  },
  {
    code: 'STANDING_INVITATION',
    kind: 'INSTITUTION',
    label: 'standing invitation to the special procedures',
    patterns: [
      rx(
        'standing invitations?|open invitations?|invitation permanente|invitacion (?:permanente|abierta)',
      ),
    ],
  },
  {
    code: 'NMRF',
    kind: 'INSTITUTION',
    label: 'national mechanism for implementation, reporting and follow-up',
    patterns: [rx('national mechanism for (?:implementation,? )?reporting and follow ?up|nmrf')],
  },
];
