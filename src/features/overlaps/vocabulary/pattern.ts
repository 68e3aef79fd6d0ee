/**
 * How the vocabulary's patterns are written.
 *
 * Patterns run on folded text (see `fold` in ../text.ts: lower case, accents removed, every run of
 * non-alphanumerics turned into one space), so "OP-CAT" is matched as "op cat" and "Belém" as
 * "belem". Each pattern is written for English, French and Spanish wording.
 */

/** Alternatives matched as whole words; global, so that a replace replaces every match. */
export const rx = (source: string) => new RegExp(`\\b(?:${source})\\b`, 'gu');
