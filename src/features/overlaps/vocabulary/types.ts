/** The types of the vocabulary tables. */

/** The languages the vocabulary covers. */
export type Language = 'en' | 'fr' | 'es';

export type ObjectKind = 'INSTRUMENT' | 'INSTITUTION' | 'SUBJECT';

export interface CommitmentObject {
  /** Stable code, also the token that replaces the matched words (`@` + code in lower case). */
  readonly code: string;
  readonly kind: ObjectKind;
  readonly label: string;
  readonly patterns: readonly RegExp[];
  /** Objects a mention of this one also stands for (OP2 of the ICCPR is about the death penalty). */
  readonly implies?: readonly string[];
}
