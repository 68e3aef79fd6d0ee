/**
 * Reads the reference tables shipped in reference/ (see reference/SOURCES.md for origin and
 * licence) into plain rows for the reference-data migration. Pure apart from reading files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { PROJECT_ROOT } from '../../core/config.ts';
import { sha256 } from '../../db/migrate.ts';
import { readRatificationFields } from './ratification-rows.ts';

export const REFERENCE_DIR = path.join(PROJECT_ROOT, 'reference');

const FILES = {
  iso: 'iso3166-m49/lukes_iso3166_all.csv',
  m49: 'iso3166-m49/unsd_m49_methodology.csv',
  unNames: 'iso3166-m49/un_member_states_names_6lang.csv',
  mechanisms: 'mechanisms.csv',
  sdgGoals: 'sdg/sdg_goals.csv',
  sdgTargets: 'sdg/sdg_targets.csv',
  instruments: 'instruments.csv',
  ratifications: 'treaty-ratification/treaty_ratification_long.csv',
  uprCycles: 'upr-cycles.csv',
  uprSessions: 'upr-sessions.csv',
  aliases: 'state-name-aliases.csv',
} as const;

type CsvRow = Record<string, string>;

function readCsv(file: string): CsvRow[] {
  return parse<CsvRow>(fs.readFileSync(path.join(REFERENCE_DIR, file)), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    trim: true,
  });
}

const col = (row: CsvRow, name: string): string => row[name] ?? '';
const orNull = (text: string) => (text === '' ? null : text);

/** A checksum over every reference file, so a changed table is noticed by the migration runner. */
export function referenceChecksum(): string {
  return sha256(
    Object.values(FILES)
      .map((file) => sha256(fs.readFileSync(path.join(REFERENCE_DIR, file))))
      .join(''),
  );
}

export interface RegionRow {
  code: string;
  name: string;
  level: 'WORLD' | 'REGION' | 'SUB_REGION' | 'INTERMEDIATE_REGION';
  parent: string | null;
}

export interface StateRow {
  iso3: string;
  iso2: string;
  m49: string;
  name: string;
  formalName: string | null;
  names: string[];
  /** UN short and formal names by ISO 639-1 language (en, fr, es, ru, zh, ar). */
  namesByLanguage: Record<string, string[]>;
  region: string | null;
  unMember: boolean;
  unObserver: boolean;
  ldc: boolean;
  lldc: boolean;
  sids: boolean;
}

export interface MechanismRow {
  code: string;
  name: string;
  kind: string;
  system: string;
  /** The body it belongs to (a rapporteurship to its commission), or null. */
  parent: string | null;
}

export interface InstrumentRow {
  /** The code ratification tables use (treaty_ratification_long.csv `instrument`). */
  sourceCode: string;
  code: string;
  name: string;
  adoptedYear: number;
  /** The mechanisms that monitor it (the CSV separates them with `;`). */
  monitoredBy: string[];
  system: string;
}

/** A state's link to an instrument, as the reference-data migration writes it. */
export interface RatificationRow {
  instrument: string;
  iso3: string;
  party: boolean;
  signatory: boolean;
  year: number | null;
  status: string;
}

/**
 * Checks that every parent is a mechanism of the table and that no mechanism is its own
 * ancestor. @throws Error naming the mechanism
 */
export function requireMechanismTree(
  mechanisms: readonly Pick<MechanismRow, 'code' | 'parent'>[],
): void {
  const parentOf = new Map(mechanisms.map((m) => [m.code, m.parent]));
  for (const { code, parent } of mechanisms) {
    if (parent !== null && !parentOf.has(parent)) {
      throw new Error(`reference: mechanism ${code} has unknown parent ${parent}`);
    }
    const seen = new Set([code]);
    for (let up = parent; up !== null; up = parentOf.get(up) ?? null) {
      if (seen.has(up)) throw new Error(`reference: mechanism ${code} is its own ancestor`);
      seen.add(up);
    }
  }
}

export interface ReferenceData {
  regions: RegionRow[];
  states: StateRow[];
  mechanisms: MechanismRow[];
  cycles: {
    id: string;
    mechanism: string;
    number: number;
    startYear: number;
    endYear: number;
    firstSession: number;
    lastSession: number;
  }[];
  sdgGoals: {
    code: string;
    number: number;
    shortTitle: string;
    titleEn: string;
    titleFr: string;
    titleEs: string;
  }[];
  sdgTargets: { code: string; goal: string; titleEn: string; titleFr: string; titleEs: string }[];
  instruments: InstrumentRow[];
  ratifications: RatificationRow[];
}

/** "Gambia (the)", "Holy See (the) *" -> "Gambia", "Holy See"; observers and footnotes marked. */
const cleanUnName = (name: string) =>
  name
    .replace(/\*+$/u, '')
    .replace(/\((?:the|The)\)/u, '')
    .trim();

/** Reads and joins the reference tables. */
export function readReferenceData(): ReferenceData {
  const iso = readCsv(FILES.iso);
  const m49 = readCsv(FILES.m49);
  const m49ByIso3 = new Map(m49.map((row) => [col(row, 'ISO-alpha3 Code'), row]));

  // Regions: World > Region > Sub-region > Intermediate region, from the official M49 table.
  const regions = new Map<string, RegionRow>();
  const addRegion = (
    code: string,
    name: string,
    level: RegionRow['level'],
    parent: string | null,
  ) => {
    if (code && !regions.has(code)) regions.set(code, { code, name, level, parent });
  };
  for (const row of m49) {
    addRegion(col(row, 'Global Code'), col(row, 'Global Name'), 'WORLD', null);
    addRegion(
      col(row, 'Region Code'),
      col(row, 'Region Name'),
      'REGION',
      orNull(col(row, 'Global Code')),
    );
    addRegion(
      col(row, 'Sub-region Code'),
      col(row, 'Sub-region Name'),
      'SUB_REGION',
      orNull(col(row, 'Region Code')),
    );
    addRegion(
      col(row, 'Intermediate Region Code'),
      col(row, 'Intermediate Region Name'),
      'INTERMEDIATE_REGION',
      orNull(col(row, 'Sub-region Code')),
    );
  }

  // UN names in six languages have no code column: join them on the English short name.
  const unRows = readCsv(FILES.unNames).filter((row) => !col(row, 'English short').startsWith('*'));
  const isoByName = new Map<string, string>();
  for (const row of iso) isoByName.set(col(row, 'name'), col(row, 'alpha-3'));
  for (const row of m49) isoByName.set(col(row, 'Country or Area'), col(row, 'ISO-alpha3 Code'));
  const unByIso3 = new Map<string, { row: CsvRow; observer: boolean }>();
  for (const row of unRows) {
    const english = col(row, 'English short');
    const iso3 = isoByName.get(cleanUnName(english));
    if (!iso3) throw new Error(`reference: UN name ${english} matches no ISO 3166 entry`);
    unByIso3.set(iso3, { row, observer: /\*\s*$/u.test(english) && !/\*\*\s*$/u.test(english) });
  }

  const languages = {
    English: 'en',
    French: 'fr',
    Spanish: 'es',
    Russian: 'ru',
    Chinese: 'zh',
    Arabic: 'ar',
  } as const;
  const states: StateRow[] = iso.map((row) => {
    const iso3 = col(row, 'alpha-3');
    const m = m49ByIso3.get(iso3);
    const un = unByIso3.get(iso3);
    const namesByLanguage: Record<string, string[]> = {};
    for (const [language, code] of Object.entries(languages)) {
      const variants = un
        ? [cleanUnName(col(un.row, `${language} short`)), col(un.row, `${language} formal`)].filter(
            Boolean,
          )
        : [];
      if (variants.length) namesByLanguage[code] = [...new Set(variants)];
    }
    const names = new Set<string>([col(row, 'name')]);
    if (m) names.add(col(m, 'Country or Area'));
    for (const variants of Object.values(namesByLanguage)) for (const v of variants) names.add(v);
    const englishShort = un ? cleanUnName(col(un.row, 'English short')) : undefined;
    return {
      iso3,
      iso2: col(row, 'alpha-2'),
      m49: col(row, 'country-code'),
      name: englishShort ?? (m ? col(m, 'Country or Area') : col(row, 'name')),
      formalName: un ? orNull(col(un.row, 'English formal')) : null,
      names: [...names],
      namesByLanguage,
      region: m
        ? (orNull(col(m, 'Intermediate Region Code')) ??
          orNull(col(m, 'Sub-region Code')) ??
          orNull(col(m, 'Region Code')))
        : null,
      unMember: un !== undefined && !/\*/u.test(col(un.row, 'English short')),
      unObserver: un?.observer ?? false,
      ldc: m ? col(m, 'Least Developed Countries (LDC)') === 'x' : false,
      lldc: m ? col(m, 'Land Locked Developing Countries (LLDC)') === 'x' : false,
      sids: m ? col(m, 'Small Island Developing States (SIDS)') === 'x' : false,
    };
  });

  // Former and common names (Turkey, Swaziland, ...) that sources still use.
  const byIso3 = new Map(states.map((state) => [state.iso3, state]));
  for (const row of readCsv(FILES.aliases)) {
    const state = byIso3.get(col(row, 'iso3'));
    if (!state)
      throw new Error(
        `reference: alias ${col(row, 'alias')} names unknown state ${col(row, 'iso3')}`,
      );
    if (!state.names.includes(col(row, 'alias'))) state.names.push(col(row, 'alias'));
  }

  const iso3ByIso2 = new Map(states.map((s) => [s.iso2, s.iso3] as const));
  const instrumentRows = readCsv(FILES.instruments);
  const instrumentBySource = new Map(
    instrumentRows.map((row) => [col(row, 'sourceCode'), col(row, 'code')]),
  );
  const ratifications = readCsv(FILES.ratifications).map((row, i): RatificationRow => {
    const fields = readRatificationFields(row);
    const iso3 = iso3ByIso2.get(fields.iso2);
    const instrument = instrumentBySource.get(fields.instrument);
    if (!iso3 || !instrument || fields.errors.length) {
      throw new Error(
        `reference: ratification row ${i + 2} (${col(row, 'instrument')}/${col(row, 'iso2')}): ${fields.errors.join('; ') || 'unknown instrument or state'}`,
      );
    }
    return {
      instrument,
      iso3,
      party: fields.party,
      signatory: fields.signatory,
      year: fields.year,
      status: fields.status,
    };
  });

  const mechanisms = readCsv(FILES.mechanisms).map((row): MechanismRow => ({
    code: col(row, 'code'),
    name: col(row, 'name'),
    kind: col(row, 'kind'),
    system: col(row, 'system'),
    parent: orNull(col(row, 'parent')),
  }));
  requireMechanismTree(mechanisms);
  const mechanismCodes = new Set(mechanisms.map((m) => m.code));
  const instruments = instrumentRows.map((row): InstrumentRow => ({
    sourceCode: col(row, 'sourceCode'),
    code: col(row, 'code'),
    name: col(row, 'name'),
    adoptedYear: Number(col(row, 'adoptedYear')),
    monitoredBy: col(row, 'monitoredBy')
      .split(';')
      .map((code) => code.trim())
      .filter(Boolean),
    system: col(row, 'system'),
  }));
  for (const instrument of instruments) {
    const unknown = instrument.monitoredBy.filter((code) => !mechanismCodes.has(code));
    if (!instrument.monitoredBy.length || unknown.length) {
      throw new Error(
        `reference: instrument ${instrument.code} is monitored by unknown mechanisms (${unknown.join(', ') || 'none given'})`,
      );
    }
  }

  return {
    regions: [...regions.values()],
    states,
    mechanisms,
    cycles: readCsv(FILES.uprCycles).map((row) => ({
      id: `UPR-${col(row, 'cycle')}`,
      mechanism: 'UPR',
      number: Number(col(row, 'cycle')),
      startYear: Number(col(row, 'startYear')),
      endYear: Number(col(row, 'endYear')),
      firstSession: Number(col(row, 'firstSession')),
      lastSession: Number(col(row, 'lastSession')),
    })),
    sdgGoals: readCsv(FILES.sdgGoals).map((row) => ({
      code: col(row, 'goal'),
      number: Number(col(row, 'goal')),
      shortTitle: col(row, 'short_en'),
      titleEn: col(row, 'title_en'),
      titleFr: col(row, 'title_fr'),
      titleEs: col(row, 'title_es'),
    })),
    sdgTargets: readCsv(FILES.sdgTargets).map((row) => ({
      code: col(row, 'code'),
      goal: col(row, 'goal'),
      titleEn: col(row, 'title_en'),
      titleFr: col(row, 'title_fr'),
      titleEs: col(row, 'title_es'),
    })),
    instruments,
    ratifications,
  };
}

export interface UprSession {
  readonly session: number;
  readonly cycle: number;
  /** The year the Working Group held the session (when the recommendations were made). */
  readonly year: number;
}

/** UPR Working Group sessions with their cycle and year, keyed by session number. */
export function readUprSessions(): ReadonlyMap<number, UprSession> {
  return new Map(
    readCsv(FILES.uprSessions).map((row) => {
      const session = {
        session: Number(col(row, 'session')),
        cycle: Number(col(row, 'cycle')),
        year: Number(col(row, 'year')),
      };
      return [session.session, session] as const;
    }),
  );
}

export interface UprCycle {
  readonly cycle: number;
  readonly startYear: number;
  readonly endYear: number;
}

/** UPR cycles with the years they span (cycles 3 and 4 share 2022). */
export function readUprCycles(): readonly UprCycle[] {
  return readCsv(FILES.uprCycles).map((row) => ({
    cycle: Number(col(row, 'cycle')),
    startYear: Number(col(row, 'startYear')),
    endYear: Number(col(row, 'endYear')),
  }));
}

export interface MappedTheme {
  readonly scheme: string;
  readonly code: string;
  readonly label: string;
}

/**
 * UPR Info issue label -> the UHRI theme it clearly corresponds to. Used at import time only (not
 * loaded by the migration); issues without a clear counterpart ("Justice", "Women's rights") are
 * absent rather than forced onto a narrower theme.
 */
export function readUprInfoIssueMap(): ReadonlyMap<string, MappedTheme> {
  return new Map(
    readCsv('upr-info-issues.csv').map((row) => [
      col(row, 'issue'),
      { scheme: col(row, 'scheme'), code: col(row, 'code'), label: col(row, 'label') },
    ]),
  );
}
