/** Treaties and other instruments, by the ways they are named in English, French and Spanish. */
import { rx } from './pattern.ts';
import type { CommitmentObject } from './types.ts';

// Shared fragments (folded text).
const OP = '(?:optional protocols?|protocole facultatif|protocolos? facultativos?|op)';
const TO = '(?:to|of|a|au|se rapportant a|relatif a|de|del|a la|to the|of the|on)';
const CRC =
  '(?:crc|convention on the rights of the child|convention relative aux droits de l enfant|convencion sobre los derechos del nino)';
const CAT =
  '(?:convention against torture(?: and other cruel,? inhuman or degrading treatment or punishment)?|convention contre la torture|convencion contra la tortura|uncat|cat)';
const ICCPR =
  '(?:iccpr|international covenant on civil and political rights|pacte international relatif aux droits civils et politiques|pacto internacional de derechos civiles y politicos|covenant on civil and political rights)';
const ICESCR =
  '(?:icescr|international covenant on economic,? social and cultural rights|pacte international relatif aux droits economiques sociaux et culturels|pacto internacional de derechos economicos sociales y culturales|covenant on economic social and cultural rights)';
const CEDAW =
  '(?:cedaw|convention (?:on|for) the elimination of (?:all forms of )?discrimination against women|convention sur l elimination de toutes les formes de discrimination a l egard des femmes|convencion sobre la eliminacion de todas las formas de discriminacion contra la mujer)';
const CRPD =
  '(?:crpd|convention on the rights of persons with disabilities|convention relative aux droits des personnes handicapees|convencion sobre los derechos de las personas con discapacidad)';
const THE = '(?:the |la |le |l |el |los |les )?';

/**
 * Instruments, most specific first (the order matters: an optional protocol is matched and
 * replaced before its parent treaty).
 */
export const INSTRUMENTS: readonly CommitmentObject[] = [
  {
    code: 'ICC_APIC',
    kind: 'INSTRUMENT',
    label: 'Agreement on the Privileges and Immunities of the International Criminal Court',
    patterns: [
      rx(
        'agreement on (?:the )?privileges and immunities(?: of the (?:international criminal court|icc))?|convention (?:on|of) (?:the )?privileges and immunities of the (?:international criminal court|icc)',
      ),
    ],
  },
  {
    code: 'CRC_OPIC',
    kind: 'INSTRUMENT',
    label: 'Optional Protocol to the CRC on a communications procedure',
    patterns: [
      rx(
        `${OP}[a-z ]{0,80}? (?:communications? procedure|procedure de presentation de communications|procedimiento de comunicaciones)`,
      ),
      rx(
        `third ${OP} ${TO} ${THE}${CRC}|op3 ?crc|opic|troisieme protocole facultatif|tercer protocolo facultativo`,
      ),
    ],
  },
  {
    code: 'CRC_OPAC_OPSC',
    kind: 'INSTRUMENT',
    label: 'both substantive Optional Protocols to the CRC',
    patterns: [
      rx(`(?:the )?(?:two|both|first two) ${OP} ${TO} ${THE}${CRC}`),
      rx(
        `(?:optional protocols|protocoles facultatifs|protocolos facultativos) ${TO} ${THE}${CRC}(?= (?!on|concerning|relating|to))`,
      ),
    ],
    implies: ['CRC_OPAC', 'CRC_OPSC'],
  },
  {
    code: 'CRC_OPAC',
    kind: 'INSTRUMENT',
    label: 'Optional Protocol to the CRC on the involvement of children in armed conflict',
    patterns: [
      rx(
        `${OP}[a-z ]{0,80}? (?:involvement of children in armed conflicts?|children in armed conflicts?|implication d enfants dans les conflits armes|participacion de ninos en los conflictos armados)`,
      ),
      rx('opac|op ac|crc op ac|op crc ac'),
    ],
  },
  {
    code: 'CRC_OPSC',
    kind: 'INSTRUMENT',
    label:
      'Optional Protocol to the CRC on the sale of children, child prostitution and child pornography',
    patterns: [
      rx(`${OP}[a-z ]{0,80}? (?:sale of children|vente d enfants|venta de ninos)`),
      rx('opsc|op sc|crc op sc|op crc sc'),
    ],
  },
  {
    code: 'OPCAT',
    kind: 'INSTRUMENT',
    label: 'Optional Protocol to the Convention against Torture',
    patterns: [rx(`${OP} ${TO} ${THE}${CAT}`), rx('op ?cat|opcat|ocpat|cat op|cat opt')],
    implies: [],
  },
  {
    code: 'ICCPR_OP2',
    kind: 'INSTRUMENT',
    label: 'Second Optional Protocol to the ICCPR (abolition of the death penalty)',
    patterns: [
      rx(`(?:second|2nd|deuxieme|segundo) ${OP}(?: ${TO} ${THE}${ICCPR})?`),
      rx(`${ICCPR} op ?2|op ?2 ${TO} ${THE}${ICCPR}|op ${ICCPR} ?2|${ICCPR} op2|op2|iccpr op2`),
    ],
    implies: ['DEATH_PENALTY'],
  },
  {
    code: 'ICCPR_OP1',
    kind: 'INSTRUMENT',
    label: 'First Optional Protocol to the ICCPR (individual communications)',
    patterns: [
      rx(`(?:first|1st|premier|primer) ${OP} ${TO} ${THE}${ICCPR}`),
      // "OP-ICCPR 1", "ICCPR-OP1", "OP1 to the ICCPR".
      rx(`op ${ICCPR} ?1|${ICCPR} op ?1|op ?1 ${TO} ${THE}${ICCPR}`),
    ],
  },
  {
    code: 'ICESCR_OP',
    kind: 'INSTRUMENT',
    label: 'Optional Protocol to the ICESCR',
    patterns: [rx(`${OP} ${TO} ${THE}${ICESCR}|op ?icescr`)],
  },
  {
    code: 'CEDAW_OP',
    kind: 'INSTRUMENT',
    label: 'Optional Protocol to CEDAW',
    patterns: [rx(`${OP} ${TO} ${THE}${CEDAW}|op ?cedaw|cedaw op`)],
  },
  {
    code: 'CRPD_OP',
    kind: 'INSTRUMENT',
    label: 'Optional Protocol to the CRPD',
    patterns: [rx(`${OP} ${TO} ${THE}${CRPD}|op ?crpd|crpd op`)],
  },
  {
    code: 'ICRMW',
    kind: 'INSTRUMENT',
    label:
      'International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families',
    patterns: [
      rx(
        '(?:international )?convention (?:on|for) (?:the )?protection of (?:the )?rights of (?:all )?(?:the )?migrant workers(?: and (?:the )?members of their families)?|migrant workers convention|convention on migrant workers|icrmw|icmw|icprmw|cmw|(?:convention internationale sur la )?protection des droits de tous les travailleurs migrants(?: et des membres de leur famille)?|(?:convencion internacional sobre la )?proteccion de los derechos de todos los trabajadores migratorios(?: y de sus familiares)?|rights of (?:all )?migrant workers and (?:the )?members of their families',
      ),
    ],
  },
  {
    code: 'CED',
    kind: 'INSTRUMENT',
    label: 'International Convention for the Protection of All Persons from Enforced Disappearance',
    patterns: [
      rx(
        '(?:international )?convention (?:for|on) (?:the )?protection of all persons (?:from|against) enforced disappearances?|convention (?:on|against) enforced disappearances?|enforced disappearances? convention|icpped|icppced|cped|ced|convention internationale pour la protection de toutes les personnes contre les disparitions forcees|convencion internacional para la proteccion de todas las personas contra las desapariciones forzadas',
      ),
    ],
  },
  {
    code: 'ISTANBUL',
    kind: 'INSTRUMENT',
    label:
      'Council of Europe Convention on preventing and combating violence against women and domestic violence (Istanbul Convention)',
    patterns: [
      rx(
        'istanbul convention|convention d istanbul|convenio de estambul|council of europe convention on preventing and combating violence against women and domestic violence|convention du conseil de l europe sur la prevention et la lutte contre la violence a l egard des femmes et la violence domestique',
      ),
    ],
  },
  {
    code: 'BELEM',
    kind: 'INSTRUMENT',
    label:
      'Inter-American Convention on the Prevention, Punishment and Eradication of Violence against Women (Belem do Para)',
    patterns: [
      rx(
        'belem do para(?: convention)?|inter american convention on the prevention,? punishment and eradication of violence against women|convencion interamericana para prevenir,? sancionar y erradicar la violencia contra la mujer',
      ),
    ],
  },
  {
    code: 'ROME_KAMPALA',
    kind: 'INSTRUMENT',
    label: 'Kampala amendments to the Rome Statute (crime of aggression)',
    patterns: [
      rx(
        'kampala amendments?(?: to the rome statute(?: of the international criminal court)?)?|amendments? to the rome statute (?:adopted )?(?:at|in) kampala',
      ),
    ],
  },
  {
    code: 'ROME',
    kind: 'INSTRUMENT',
    label: 'Rome Statute of the International Criminal Court',
    patterns: [
      rx(
        'rome statute(?: of the international criminal court)?|statute of rome|statut de rome(?: de la cour penale internationale)?|estatuto de roma(?: de la corte penal internacional)?|international criminal court|icc|cour penale internationale|corte penal internacional',
      ),
    ],
  },
  {
    code: 'ILO169',
    kind: 'INSTRUMENT',
    label: 'ILO Indigenous and Tribal Peoples Convention (No. 169)',
    patterns: [
      rx(
        '(?:ilo )?(?:convention )?(?:no |n |number |num )?169(?: of the (?:ilo|international labour organi[sz]ation))?|indigenous and tribal peoples convention',
      ),
    ],
  },
  {
    code: 'ILO189',
    kind: 'INSTRUMENT',
    label: 'ILO Domestic Workers Convention (No. 189)',
    patterns: [
      rx(
        '(?:ilo )?(?:convention )?(?:no |n |number |num )?189(?: of the (?:ilo|international labour organi[sz]ation))?|domestic workers convention|convention concerning decent work for domestic workers',
      ),
    ],
  },
  {
    code: 'ILO_CHILD_LABOUR',
    kind: 'INSTRUMENT',
    label: 'ILO Conventions No. 138 and 182 (child labour)',
    patterns: [
      rx(
        '(?:ilo )?(?:conventions? )?(?:nos? |numbers? )?(?:138|182)(?: and (?:no )?(?:138|182))?|worst forms of child labour convention|minimum age convention',
      ),
    ],
  },
  {
    code: 'REFUGEE',
    kind: 'INSTRUMENT',
    label: '1951 Convention relating to the Status of Refugees and its 1967 Protocol',
    patterns: [
      rx(
        '(?:the )?1951 (?:refugee )?convention(?: relating to the status of refugees)?(?: and its 1967 protocol)?|convention relating to the status of refugees(?: and its (?:1967 )?protocol)?|1967 protocol|refugee convention|convention relative au statut des refugies|convencion sobre el estatuto de los refugiados',
      ),
    ],
  },
  {
    code: 'STATELESSNESS',
    kind: 'INSTRUMENT',
    label: 'the 1954 and 1961 statelessness conventions',
    patterns: [
      rx(
        '(?:1954|1961) convention(?:s)?(?: and (?:the )?(?:1954|1961) convention)?(?: on (?:the reduction of )?statelessness| relating to the status of stateless persons)?|conventions? (?:on|relating to) (?:the )?(?:reduction of statelessness|status of stateless persons)|statelessness conventions?',
      ),
    ],
  },
  {
    code: 'PALERMO',
    kind: 'INSTRUMENT',
    label: 'Palermo Protocol on trafficking in persons',
    patterns: [
      rx(
        'palermo protocol|protocol to prevent,? suppress and punish trafficking in persons(?:,? especially women and children)?',
      ),
    ],
  },
  {
    code: 'UNESCO_EDU',
    kind: 'INSTRUMENT',
    label: 'UNESCO Convention against Discrimination in Education',
    patterns: [rx('(?:unesco )?convention against discrimination in education')],
  },
  {
    code: 'CAT',
    kind: 'INSTRUMENT',
    label: 'Convention against Torture',
    patterns: [rx(CAT)],
  },
  { code: 'ICCPR', kind: 'INSTRUMENT', label: 'ICCPR', patterns: [rx(ICCPR)] },
  { code: 'ICESCR', kind: 'INSTRUMENT', label: 'ICESCR', patterns: [rx(ICESCR)] },
  { code: 'CEDAW', kind: 'INSTRUMENT', label: 'CEDAW', patterns: [rx(CEDAW)] },
  { code: 'CRPD', kind: 'INSTRUMENT', label: 'CRPD', patterns: [rx(CRPD)] },
  {
    code: 'ICERD',
    kind: 'INSTRUMENT',
    label: 'ICERD',
    patterns: [
      rx(
        'icerd|cerd|international convention on the elimination of all forms of racial discrimination|convention on the elimination of all forms of racial discrimination',
      ),
    ],
  },
  {
    code: 'CRC',
    kind: 'INSTRUMENT',
    label: 'Convention on the Rights of the Child',
    patterns: [rx(CRC)],
  },
  {
    code: 'CORE_TREATIES',
    kind: 'INSTRUMENT',
    label: 'the remaining core human rights instruments (as a whole)',
    patterns: [
      rx(
        '(?:all |the )?(?:remaining |outstanding |other |main |core |pending |principal |key |fundamental )+(?:international |un |united nations )?(?:human rights )?(?:instruments|treaties|conventions)(?: (?:to which it is not yet|it has not yet)[a-z ]{0,20}?party)?|(?:international |core )human rights (?:instruments|treaties) (?:to which it is not yet|it has not yet)[a-z ]{0,20}?(?:party|ratified)|(?:international )?(?:human rights )?(?:instruments|treaties|conventions)[a-z ]{0,60}? (?:still )?(?:pending ratification|not yet ratified|yet to be ratified)',
      ),
    ],
  },
];
