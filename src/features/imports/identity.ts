/**
 * Stable recommendation ids (DOMAIN.md, "Identity"): `{documentSymbol}#{paragraph}` where the source
 * gives both; otherwise derived deterministically from what identifies the recommendation, never
 * from a counter or a row number, so re-importing the same data gives the same ids.
 */
import { createHash } from 'node:crypto';

export interface IdentityParts {
  readonly mechanism: string;
  readonly state: string;
  readonly documentSymbol: string | null;
  readonly paragraph: string | null;
  readonly cycle: number | null;
  readonly session: number | null;
  readonly text: string;
}

/** Text reduced to what identifies it: case, accents, punctuation and spacing do not count. */
export function textFingerprint(text: string): string {
  const normalised = text
    .normalize('NFKD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return createHash('sha256').update(normalised).digest('hex').slice(0, 12);
}

/**
 * @example deriveId({ documentSymbol: 'A/HRC/28/15', paragraph: '115.1', ... }) === 'A/HRC/28/15#115.1'
 * @example deriveId({ mechanism: 'UPR', state: 'DZA', session: 1, paragraph: '69.1', ... }) === 'UPR/DZA/s1#69.1'
 */
export function deriveId(parts: IdentityParts): string {
  if (parts.documentSymbol && parts.paragraph) return `${parts.documentSymbol}#${parts.paragraph}`;
  const period =
    parts.session !== null
      ? `s${parts.session}`
      : parts.cycle !== null
        ? `c${parts.cycle}`
        : 'undated';
  const base = `${parts.mechanism}/${parts.state}/${period}`;
  if (parts.documentSymbol) return `${parts.documentSymbol}#t${textFingerprint(parts.text)}`;
  if (parts.paragraph) return `${base}#${parts.paragraph}`;
  return `${base}#t${textFingerprint(parts.text)}`;
}
