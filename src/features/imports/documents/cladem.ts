/**
 * Reads CLADEM's compilation "Jurisprudencia sobre los derechos de las mujeres" (2018; CC BY-SA
 * 4.0) into documents: one per review (level-2 section) of its observation files, with state and
 * mechanism from its manifest, symbol and date from the heading's footnote, and CLADEM's bold
 * kept as highlighting. Its thematic indexes become a theme scheme (`CLADEM`) on the paragraphs
 * they list. The source's known defects are worked around and reported as warnings.
 * See docs/importing.md#cladem.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { InvalidInputError } from '../../../core/errors.ts';
import { readUprCycles, type UprCycle } from '../../reference/index.ts';
import { slug, type ThemeRef } from '../recommendation-record.ts';
import type { DocumentInput } from './document-import.service.ts';
import { SYMBOL_IN_TEXT, isMultiStateReport, normaliseSymbol, symbolFits } from './symbols.ts';

export const CLADEM_DATASET = 'cladem-2018';
export const CLADEM_LICENCE = 'CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)';
export const CLADEM_ATTRIBUTION =
  'CLADEM – Comité de América Latina y el Caribe para la Defensa de los Derechos de las Mujeres, "Jurisprudencia sobre derechos humanos de las mujeres" (2018), https://jurisprudencia.cladem.org';
export const CLADEM_URL = 'https://jurisprudencia.cladem.org';

/** CLADEM's names of the mechanisms in its thematic indexes, folded, to mechanism codes. */
const INDEX_MECHANISMS: readonly [RegExp, string][] = [
  [/discriminacion contra la mujer/u, 'CEDAW'],
  [/discriminacion racial/u, 'CERD'],
  [/economicos, sociales y culturales/u, 'CESCR'],
  [/derechos del nino/u, 'CRC'],
  [/derechos humanos$/u, 'CCPR'],
  [/contra la tortura/u, 'CAT'],
  [/examen periodico universal/u, 'UPR'],
  [/mesecvi|belem do para/u, 'MESECVI'],
  [/comision interamericana/u, 'IACHR'],
];

const KIND_BY_MECHANISM: Record<string, string> = {
  UPR: 'UPR_WORKING_GROUP_REPORT',
  MESECVI: 'COUNTRY_REPORT',
  IACHR: 'COUNTRY_REPORT',
};

const MONTHS: Record<string, string> = {
  enero: '01',
  febrero: '02',
  marzo: '03',
  abril: '04',
  mayo: '05',
  junio: '06',
  julio: '07',
  agosto: '08',
  septiembre: '09',
  setiembre: '09',
  octubre: '10',
  noviembre: '11',
  diciembre: '12',
};

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[:.\s]+$/u, '')
    .trim();

/** The first Spanish date in a text: "23 de marzo de 2010", "marzo de 1990", "26 marzo 2012", "1984". */
export function spanishDate(text: string): string | null {
  const folded = fold(text);
  const months = Object.keys(MONTHS).join('|');
  const full = new RegExp(
    `\\b(\\d{1,2})(?:º|°)? (?:de )?(${months}) (?:de |del )?(\\d{4})\\b`,
    'u',
  ).exec(folded);
  if (full) return `${full[3]}-${MONTHS[full[2]!]}-${full[1]!.padStart(2, '0')}`;
  const month = new RegExp(`\\b(${months}) (?:de |del )?(\\d{4})\\b`, 'u').exec(folded);
  if (month) return `${month[2]}-${MONTHS[month[1]!]}`;
  const year = /\b(19[5-9]\d|20[0-3]\d)\b/u.exec(folded);
  return year ? year[1]! : null;
}

interface ManifestRow {
  file: string;
  state_iso3: string;
  mechanism: string;
}

interface Footnotes {
  readonly definitions: Map<string, string>;
  readonly referenced: Set<string>;
}

/** Footnote definitions (a definition runs on over following unindented lines) and references. */
function footnotes(lines: readonly string[]): Footnotes {
  const definitions = new Map<string, string>();
  const referenced = new Set<string>();
  let open: string | null = null;
  for (const line of lines) {
    const definition = /^\[\^([^\]]+)\]:\s*(.*)$/u.exec(line);
    if (definition) {
      open = definition[1]!;
      definitions.set(open, definition[2]!.trim());
      continue;
    }
    if (open && line.trim() && !/^\s/u.test(line) && !/^#|^\d+\./u.test(line)) {
      definitions.set(open, `${definitions.get(open)} ${line.trim()}`);
      continue;
    }
    open = null;
    for (const m of line.matchAll(/\[\^([^\]]+)\](?!:)/gu)) referenced.add(m[1]!);
  }
  return { definitions, referenced };
}

const REPORT_HEADING = /^\s*\d*\s*[º°]|observaciones finales|informe|conclusiones/iu;

interface Section {
  readonly heading: string;
  readonly headingLine: number;
  readonly start: number;
  end: number;
  readonly refs: string[];
  /** Level-2 headings that are the report's own sub-headings (written one level too high). */
  readonly demoted: number[];
}

/** The reports of an observation file: level-2 headings that name a report. */
function sections(lines: readonly string[]): Section[] {
  const found: Section[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^##\s+(.*)$/u.exec(lines[i]!);
    if (!m) continue;
    let heading = m[1]!;
    let j = i;
    while (j + 1 < lines.length && lines[j + 1]!.trim() && !/^#/u.test(lines[j + 1]!)) {
      heading += ` ${lines[++j]!.trim()}`;
    }
    const refs = [...heading.matchAll(/\[\^([^\]]+)\]/gu)].map((r) => r[1]!);
    const clean = heading
      .replace(/\[\^[^\]]*\]/gu, '')
      .replace(/\*/gu, '')
      .trim();
    if (!REPORT_HEADING.test(clean) && found.length) {
      found.at(-1)!.demoted.push(i);
      continue;
    }
    if (found.length) found.at(-1)!.end = i;
    found.push({ heading: clean, headingLine: i, start: i, end: lines.length, refs, demoted: [] });
  }
  return found;
}

export interface CladamReadResult {
  readonly documents: DocumentInput[];
  /** Index entries whose report or paragraph the corpus does not have. */
  readonly unresolvedIndexEntries: string[];
  readonly indexEntries: number;
}

/**
 * Reads the corpus folder (the one holding manifest.csv and raw/).
 * @throws InvalidInputError when the folder is not the corpus
 */
export function readCladem(folder: string): CladamReadResult {
  const manifestFile = path.join(folder, 'manifest.csv');
  if (!fs.existsSync(manifestFile))
    throw new InvalidInputError(`${folder}: no manifest.csv; pass the CLADEM corpus folder`);
  const manifest = parse<ManifestRow>(fs.readFileSync(manifestFile), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  });
  const documents: (DocumentInput & {
    ordinal: number | null;
    mechanism: string;
    sectionLabels?: Set<string>;
  })[] = [];
  const bySymbol = new Map<string, number>();
  const cycles = readUprCycles();
  for (const row of manifest) {
    if (row.mechanism === 'INDEX' || row.mechanism === 'INTRO') continue;
    const file = path.join(folder, row.file);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const notes = footnotes(lines);
    const fileSymbols = new Set<string>();
    let lastUprCycle: number | null = null;
    for (const [index, section] of sections(lines).entries()) {
      const warnings: string[] = [];
      const ordinalMatch = /^(\d+)\s*[º°]/u.exec(section.heading);
      const ordinal = ordinalMatch ? Number(ordinalMatch[1]) : null;
      if (!ordinalMatch) warnings.push(`heading has no ordinal: "${section.heading.slice(0, 60)}"`);
      // The symbol: the first one in the heading's footnote that fits the mechanism.
      let symbol: string | null = null;
      let footnoteText = '';
      for (const ref of section.refs) {
        const text = notes.definitions.get(ref);
        if (text === undefined) {
          warnings.push(`footnote [^${ref}] of the heading has no definition`);
          continue;
        }
        footnoteText ||= text;
        const candidates = [...text.matchAll(SYMBOL_IN_TEXT)].map((m) => normaliseSymbol(m[0]));
        symbol = candidates.find((c) => symbolFits(row.mechanism, c)) ?? null;
        if (!symbol && candidates.length)
          warnings.push(
            `heading footnote gives ${candidates[0]}, which does not fit ${row.mechanism}`,
          );
        if (symbol) break;
      }
      // UPR reviews follow each other cycle after cycle; CLADEM's ordinal counts only the
      // reviews it kept, and its first-cycle headings say "Observaciones finales".
      let uprCycle = row.mechanism === 'UPR' && symbol ? uprCycleOf(symbol, cycles) : null;
      if (uprCycle !== null && lastUprCycle !== null && uprCycle <= lastUprCycle) {
        warnings.push(
          `heading footnote gives ${symbol}, a report of UPR cycle ${uprCycle}, after a review of cycle ${lastUprCycle} (shifted footnotes)`,
        );
        symbol = null;
        uprCycle = null;
      }
      if (row.mechanism === 'UPR')
        lastUprCycle =
          uprCycle ??
          (/observaciones finales/iu.test(section.heading) ? 1 : (lastUprCycle ?? 0) + 1);
      if (symbol && fileSymbols.has(symbol) && !isMultiStateReport(symbol)) {
        warnings.push(
          `heading footnote repeats ${symbol}, the symbol of an earlier review in this file (shifted footnotes)`,
        );
        symbol = null;
      }
      if (!symbol) {
        // An unreferenced note inside the section that holds a fitting symbol (Uruguay MESECVI).
        for (const [label, text] of notes.definitions) {
          if (section.refs.includes(label)) continue;
          const line = lines.findIndex((l) => l.startsWith(`[^${label}]:`));
          if (line < section.start || line >= section.end) continue;
          const fitting = [...text.matchAll(SYMBOL_IN_TEXT)]
            .map((m) => normaliseSymbol(m[0]))
            .find((c) => symbolFits(row.mechanism, c) && !fileSymbols.has(c));
          if (fitting) {
            symbol = fitting;
            warnings.push(`symbol ${fitting} taken from footnote [^${label}] of the section`);
            break;
          }
        }
      }
      const synthetic = !symbol;
      if (synthetic) {
        symbol = `CLADEM/${row.state_iso3}/${row.mechanism}/${ordinal ?? `s${index + 1}`}`;
        warnings.push(`no document symbol found; recorded as ${symbol}`);
      } else fileSymbols.add(symbol!);
      const date =
        spanishDate(section.heading) ?? (footnoteText ? spanishDate(footnoteText) : null);
      const sectionLines = lines
        .slice(section.start, section.end)
        .map((line, offset) =>
          section.demoted.includes(section.start + offset) ? `#${line}` : line,
        );
      bySymbol.set(symbol!, (bySymbol.get(symbol!) ?? 0) + 1);
      documents.push({
        name: `${row.file}:${section.headingLine + 1}`,
        lines: sectionLines,
        meta: {
          mechanism: row.mechanism,
          state: row.state_iso3,
          symbol: symbol!,
          date,
          language: 'es',
          title: section.heading,
          cycle: row.mechanism === 'UPR' ? lastUprCycle : ordinal,
          kind: KIND_BY_MECHANISM[row.mechanism] ?? 'CONCLUDING_OBSERVATIONS',
          part: null,
          syntheticSymbol: synthetic,
        },
        source: {
          dataset: CLADEM_DATASET,
          licence: CLADEM_LICENCE,
          attribution: CLADEM_ATTRIBUTION,
          url: CLADEM_URL,
          highlights: true,
        },
        warnings,
        // CLADEM keeps a review it found nothing in ("No se observan recomendaciones…").
        allowEmpty: true,
        ordinal,
        mechanism: row.mechanism,
      });
    }
  }
  // A General Assembly annual report holds the reviews of many states: each review is a part.
  const inputs = documents.map((d) =>
    (bySymbol.get(d.meta.symbol) ?? 0) > 1
      ? { ...d, meta: { ...d.meta, part: `${d.meta.state} ${d.mechanism} ${d.ordinal ?? '?'}` } }
      : d,
  );
  const themes = readIndexes(folder, manifest, inputs);
  return {
    documents: inputs.map(({ ordinal: _o, mechanism: _m, ...d }) => ({
      ...d,
      themes: themes.byDocument.get(d.name) ?? new Map(),
    })),
    unresolvedIndexEntries: themes.unresolved,
    indexEntries: themes.entries,
  };
}

/**
 * The UPR cycle of a Working Group report by the Human Rights Council session in its symbol
 * (A/HRC/12/12: session 12, 2009, cycle 1): three sessions a year since 2007, and the report of
 * a review is adopted within its cycle's years.
 */
function uprCycleOf(symbol: string, cycles: readonly UprCycle[]): number | null {
  const session = /^A\/HRC\/(\d+)\//u.exec(symbol);
  if (!session) return null;
  // The report is adopted by the session after the review, so its year can be the next one.
  const year = 2006 + Math.floor((Number(session[1]) - 1) / 3);
  return cycles.find((c) => year >= c.startYear && year <= c.endYear)?.cycle ?? null;
}

/** CLADEM's thematic indexes: theme → mechanism → review ordinal → paragraphs. */
function readIndexes(
  folder: string,
  manifest: readonly ManifestRow[],
  documents: readonly (DocumentInput & { ordinal: number | null; mechanism: string })[],
) {
  const byDocument = new Map<string, Map<string, ThemeRef[]>>();
  const unresolved: string[] = [];
  let entries = 0;
  const reviews = new Map<string, DocumentInput>();
  for (const d of documents) {
    if (d.ordinal !== null) reviews.set(`${d.meta.state}/${d.mechanism}/${d.ordinal}`, d);
  }
  for (const row of manifest.filter((r) => r.mechanism === 'INDEX')) {
    const lines = fs.readFileSync(path.join(folder, row.file), 'utf8').split('\n');
    let theme: ThemeRef | null = null;
    let mechanism: string | null = null;
    for (const line of lines) {
      const heading = /^##\s+(.*)$/u.exec(line);
      if (heading) {
        const label = heading[1]!.trim();
        theme = { scheme: 'CLADEM', code: slug(label), label };
        continue;
      }
      const body = /^\*\s+(.*)$/u.exec(line);
      if (body) {
        const name = fold(body[1]!);
        mechanism = INDEX_MECHANISMS.find(([pattern]) => pattern.test(name))?.[1] ?? null;
        if (!mechanism) unresolved.push(`${row.file}: unknown mechanism "${body[1]}"`);
        continue;
      }
      const entry = /^\s+\*\s+(\d+)\s*[º°].*?,?\s*Parag\.?\s*(.*)$/u.exec(line);
      if (!entry || !theme || !mechanism) continue;
      const review = reviews.get(`${row.state_iso3}/${mechanism}/${Number(entry[1])}`);
      for (const label of indexLabels(entry[2]!)) {
        entries++;
        if (!review) {
          unresolved.push(
            `${row.state_iso3} ${mechanism} ${entry[1]}º ${label}: no such review in the corpus`,
          );
          continue;
        }
        let labels = byDocument.get(review.name);
        if (!labels) byDocument.set(review.name, (labels = new Map<string, ThemeRef[]>()));
        labels.set(label, [...(labels.get(label) ?? []), theme]);
      }
    }
  }
  return { byDocument, unresolved, entries };
}

/** "10; 11", "111.122; 111.123", "82 Inc. 3, 4 y 5", "E.17" → paragraph labels. */
export function indexLabels(text: string): string[] {
  const labels: string[] = [];
  for (const part of text.split(/;|\s+y\s+(?=\d)/u)) {
    const inc = /^\s*(\d+)\s*Inc\.?\s*(.*)$/iu.exec(part);
    if (inc) {
      for (const n of inc[2]!
        .split(/,|\sy\s/u)
        .map((s) => s.trim())
        .filter(Boolean))
        labels.push(`${inc[1]}.${n}`);
      continue;
    }
    const label = part.trim().replace(/\.$/u, '');
    if (label) labels.push(label);
  }
  return labels;
}
