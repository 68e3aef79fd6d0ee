/**
 * Which document symbols fit which mechanism, as data: a concluding observation of CEDAW is
 * CEDAW/C/…, or before 1990s reports a chapter of the General Assembly's annual report
 * (A/43/38); a UPR Working Group report is A/HRC/…; OAS documents are OEA/Ser.L/…. A mechanism
 * with no row accepts any symbol. See docs/importing.md#documents.
 */

export const SYMBOL_PATTERNS: Readonly<Record<string, readonly RegExp[]>> = {
  UPR: [/^A\/HRC\/\d+\/\d+/u, /^A\/HRC\/WG\.6\//u],
  // Before 1978 the Human Rights Committee reported in A/32/44.
  CCPR: [/^CCPR\//u, /^A\/\d+\/40\b/u, /^A\/3[0-2]\/44\b/u],
  CESCR: [/^E\/C\.12\//u, /^E\/\d{4}\/\d+/u, /^E\/\d+\/\d+/u],
  CERD: [/^CERD\//u, /^A\/\d+\/18\b/u, /^A\/\d{4,5}\b/u],
  // CEDAW's annual reports were A/39/45 to A/42/45 before they became A/43/38.
  CEDAW: [/^CEDAW\//u, /^A\/\d+\/38\b/u, /^A\/\d+\/45\b/u],
  CAT: [/^CAT\//u, /^A\/\d+\/44\b/u],
  SPT: [/^CAT\/OP\//u],
  CRC: [/^CRC\//u],
  CMW: [/^CMW\//u],
  CRPD: [/^CRPD\//u],
  CED: [/^CED\//u],
  'SP-VAW': [/^A\/HRC\//u, /^E\/CN\.4\//u, /^A\/\d+\/\d+/u],
  'SP-WGDAWG': [/^A\/HRC\//u, /^A\/\d+\/\d+/u],
  MESECVI: [/^OEA\/Ser\.L\/II\.7\.10/iu, /^MESECVI/iu],
  IACHR: [/^OEA\/Ser\.L\/V\/II/iu],
  GREVIO: [/^GREVIO\//iu],
};

/** Whether a symbol fits a mechanism (true when the mechanism has no patterns). */
export function symbolFits(mechanism: string, symbol: string): boolean {
  const patterns = SYMBOL_PATTERNS[mechanism];
  return !patterns || patterns.some((p) => p.test(symbol));
}

export { normaliseSymbol, SYMBOL_IN_TEXT } from '../../../core/document-symbols.ts';

/**
 * Reports that cover many states (the treaty bodies' annual reports to the General Assembly or
 * ECOSOC): several reviews may share one, so a repeated symbol is no sign of an error there.
 */
export const MULTI_STATE_REPORTS: readonly RegExp[] = [
  /^A\/\d+\/(?:18|38|40|44|45)(?:\/Rev\.\d+)?$/u,
  /^A\/\d{4,5}$/u,
  /^A\/100\/18$/u,
  /^E\/\d{4}\/\d+$/u,
];

export const isMultiStateReport = (symbol: string) =>
  MULTI_STATE_REPORTS.some((p) => p.test(symbol));
