import { rx } from './pattern.ts';

/**
 * Phrases by which a recommendation says it repeats an earlier one (EN/FR/ES).
 */
export const REPEAT_PHRASES: readonly RegExp[] = [
  rx(
    'as (?:previously|already|earlier) recommended|(?:reiterat|renew|repeat)[a-z]* (?:its |the |our )?(?:previous |earlier |prior )?recommendations?|previous(?:ly)? (?:accepted |supported )?recommendations?|recommendations? (?:made|accepted|supported) (?:during|in|at) the (?:first|second|third|previous|last) (?:cycle|review|upr)',
  ),
  rx(
    'comme (?:deja |precedemment )recommande|reitere (?:sa |ses |la |les )?(?:precedente |anterieure )?recommandations?|recommandations? (?:precedentes?|anterieures?)',
  ),
  rx(
    'como (?:ya )?se (?:habia )?recomendado (?:anteriormente|previamente)|reitera (?:su |sus |la |las )?(?:anterior |previa )?recomendaci(?:on|ones)|recomendaci(?:on|ones) (?:anterior|previa)(?:es|s)?',
  ),
];
