/**
 * One row of a ratification table in the layout of
 * reference/treaty-ratification/treaty_ratification_long.csv (instrument, iso2, member, state
 * party, year ratification or accession, signatory, no action, status, note), read the same way
 * by the reference-data migration and by `importRatifications`. Pure.
 */

/** The columns a ratification file must have (`member`, `no action` and `note` may be absent). */
export const REQUIRED_RATIFICATION_COLUMNS = [
  'instrument',
  'iso2',
  'state party',
  'year ratification or accession',
  'signatory',
  'status',
] as const;

/**
 * Codes the UN-derived table uses that are not ISO 3166 alpha-2 today, with the code they stand
 * for: TP (Timor-Leste's code until 2002) and S (South Sudan).
 */
export const RATIFICATION_ISO2_ALIASES: ReadonlyMap<string, string> = new Map([
  ['TP', 'TL'],
  ['S', 'SS'],
]);

/** What a row says, before its instrument and state are looked up. */
export interface RatificationFields {
  /** The instrument as the file writes it (instruments.csv `sourceCode`, e.g. `cedaw`). */
  readonly instrument: string;
  /** ISO 3166 alpha-2, upper case, aliases (TP, S) resolved. */
  readonly iso2: string;
  /** The state's name as the file writes it (only used to suggest a code). */
  readonly member: string;
  /** Ratified or acceded: a `PARTY_TO` link. */
  readonly party: boolean;
  /** Signed and not (yet) a party: a `SIGNED` link. Neither: no link. */
  readonly signatory: boolean;
  /** Year of ratification or accession (kept for parties only). */
  readonly year: number | null;
  /** The file's own wording ("state party", "signatory state", "no action"). */
  readonly status: string;
  /** Why the row cannot be imported. */
  readonly errors: string[];
  /** What is odd about the row but does not stop it (the flags decide). */
  readonly warnings: string[];
}

/** The outcome each of the table's own status words stands for. */
const STATUS_OUTCOME: Readonly<Record<string, 'party' | 'signatory' | 'none'>> = {
  'state party': 'party',
  'signatory state': 'signatory',
  'no action': 'none',
};

/**
 * Reads one row. The 0/1 flags decide, as they always have for the shipped table: `state party`
 * 1 makes a party, else `signatory` 1 a signatory, else no link. Where the flags contradict each
 * other or the `status` word, the row is still read that way and the contradiction is a warning
 * (nine rows of the shipped 2022 table).
 * @param now the current year, the latest a ratification can have
 */
export function readRatificationFields(
  row: Readonly<Record<string, string | undefined>>,
  now = new Date().getUTCFullYear(),
): RatificationFields {
  const errors: string[] = [];
  const warnings: string[] = [];
  const text = (column: string) => (row[column] ?? '').trim();
  const flag = (column: string): boolean => {
    const value = text(column);
    if (value !== '' && value !== '0' && value !== '1') {
      errors.push(`"${column}" must be 0, 1 or empty, not ${JSON.stringify(value)}`);
    }
    return value === '1';
  };

  const instrument = text('instrument').toLowerCase();
  if (!instrument) errors.push('"instrument" is empty');
  const written = text('iso2').toUpperCase();
  if (!written) errors.push('"iso2" is empty');
  const iso2 = RATIFICATION_ISO2_ALIASES.get(written) ?? written;

  const partyFlag = flag('state party');
  const signatoryFlag = flag('signatory');
  const noActionFlag = flag('no action');
  const party = partyFlag;
  const signatory = signatoryFlag && !party;

  const yearText = text('year ratification or accession');
  let year: number | null = null;
  if (yearText !== '') {
    year = /^\d{4}$/u.test(yearText) ? Number(yearText) : NaN;
    if (!Number.isInteger(year) || year < 1900 || year > now) {
      errors.push(
        `"year ratification or accession" must be a year from 1900 to ${now}, not ${JSON.stringify(yearText)}`,
      );
      year = null;
    }
  }

  const status = text('status');
  const outcome = party ? 'party' : signatory ? 'signatory' : 'none';
  const said = STATUS_OUTCOME[status.toLowerCase()];
  if (said !== undefined && said !== outcome) {
    warnings.push(
      `status ${JSON.stringify(status)} but the flags say ${outcome === 'none' ? 'no action' : outcome}: the flags decide`,
    );
  } else if (partyFlag && signatoryFlag) {
    warnings.push('both "state party" and "signatory" are 1: read as a party');
  } else if (noActionFlag && outcome !== 'none') {
    warnings.push(
      `"no action" is 1 for a ${outcome}: the "state party" and "signatory" flags decide`,
    );
  }
  if (year !== null && !party) {
    warnings.push(`a year (${year}) for a state that is not a party is not stored`);
  }

  return {
    instrument,
    iso2,
    member: text('member'),
    party,
    signatory,
    year: party ? year : null,
    status,
    errors,
    warnings,
  };
}
