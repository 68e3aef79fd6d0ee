/**
 * The vocabulary of commitment signatures: what a recommendation asks a state to do (the action,
 * actions.ts) and to what (the object: a treaty, an institution, a subject with a known ladder of
 * steps).
 *
 * Objects are matched most specific first and the matched words are replaced by the object's
 * token (`@opcat`), so "Optional Protocol to the Convention against Torture" is OP-CAT and not
 * also CAT, and the lexical comparison sees one shared word for two different spellings. How the
 * patterns are written: pattern.ts.
 */
import { INSTITUTIONS } from './institutions.ts';
import { INSTRUMENTS } from './instruments.ts';
import { SUBJECTS } from './subjects.ts';
import type { CommitmentObject } from './types.ts';

/**
 * Treaties, institutions and subjects, most specific first (the order matters: an optional
 * protocol is matched and replaced before its parent treaty).
 */
export const OBJECTS: readonly CommitmentObject[] = [...INSTRUMENTS, ...INSTITUTIONS, ...SUBJECTS];
