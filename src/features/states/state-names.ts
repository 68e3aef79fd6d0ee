/**
 * Matching messy state names ("Iran (Islamic Republic of)", "Côte d'Ivoire", "Trinidad & Tobago",
 * "Bolivia, Plurinational State of") to one key. Pure functions, no I/O.
 */

/** Articles that UN name lists put in parentheses or in front: "Gambia (the)", "Algérie (l')". */
const ARTICLE_IN_PARENS = /\((?:the|l'|le|la|les|el|los|las)\)/giu;
const LEADING_ARTICLE = /^(?:the|l'|le|la|les|el|los|las)\s+/iu;

/**
 * The matching key of a name: no diacritics, articles or punctuation, lower case, "&" as "and".
 * @example nameKey('Gambia (the)') === nameKey('the Gambia') // 'gambia'
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[’‘`´]/gu, "'")
    .replace(/\*+/g, ' ')
    .replace(ARTICLE_IN_PARENS, ' ')
    .replace(/&/g, ' and ')
    .toLowerCase()
    .trim()
    .replace(LEADING_ARTICLE, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The keys a name should be findable by: the full name, the name without its parenthesised part
 * ("Venezuela (Bolivarian Republic of)" -> "venezuela"), and "X, Y of" read as "Y of X".
 */
export function nameKeys(name: string): string[] {
  const keys = new Set<string>([nameKey(name)]);
  const withoutArticles = name.replace(ARTICLE_IN_PARENS, '').trim();
  const paren = /^(.*?)\s*\(([^)]*)\)\s*$/u.exec(withoutArticles);
  if (paren?.[1]) {
    keys.add(nameKey(paren[1]));
    keys.add(nameKey(`${paren[2]} ${paren[1]}`));
  }
  const comma = /^([^,]+),\s*(.+)$/u.exec(withoutArticles);
  if (comma?.[1] && comma[2]) {
    keys.add(nameKey(comma[1]));
    keys.add(nameKey(`${comma[2]} ${comma[1]}`));
  }
  keys.delete('');
  return [...keys];
}

/**
 * Looks names up among states' name variants. A full name (or ISO3 code) always wins over a key
 * derived from a name ("china" from "China, Hong Kong SAR"); a key that points at two states is
 * dropped rather than guessed.
 */
export class StateNameIndex {
  private readonly exact = new Map<string, string | null>();
  private readonly derived = new Map<string, string | null>();

  /** @param states every state with its iso3 and the names it is known by */
  constructor(states: Iterable<{ iso3: string; names: readonly string[] }>) {
    for (const state of states) {
      add(this.exact, state.iso3.toLowerCase(), state.iso3);
      for (const name of state.names) {
        const [full, ...others] = nameKeys(name);
        if (full) add(this.exact, full, state.iso3);
        for (const key of others) add(this.derived, key, state.iso3);
      }
    }
  }

  /** The ISO3 code for a name or code, or undefined when unknown or ambiguous. */
  resolve(name: string): string | undefined {
    const key = nameKey(name);
    const exact = this.exact.get(key);
    if (exact !== undefined) return exact ?? undefined;
    return this.derived.get(key) ?? undefined;
  }
  /**
   * Splits "Spain, Tunisia, Portugal" or "Bolivia, Plurinational State of, Chile" into states,
   * joining comma-separated parts when together they name one state.
   * @returns the resolved ISO3 codes and the parts it could not resolve, as written
   */
  splitList(list: string): { iso3s: string[]; unknown: string[] } {
    const parts = list
      .split(/[,;]/u)
      .map((part) => part.trim())
      .filter(Boolean);
    const iso3s: string[] = [];
    const unknown: string[] = [];
    for (let i = 0; i < parts.length;) {
      // Prefer the longest run of parts that names a state ("Korea, Republic of").
      let matched = 0;
      for (let n = Math.min(3, parts.length - i); n >= 1; n--) {
        const iso3 = this.resolve(parts.slice(i, i + n).join(', '));
        if (iso3) {
          if (!iso3s.includes(iso3)) iso3s.push(iso3);
          matched = n;
          break;
        }
      }
      if (matched === 0) {
        unknown.push(parts[i]!);
        matched = 1;
      }
      i += matched;
    }
    return { iso3s, unknown };
  }
}

/** Records key -> iso3, or null once two states claim the key. */
function add(map: Map<string, string | null>, key: string, iso3: string): void {
  const existing = map.get(key);
  if (existing === undefined) map.set(key, iso3);
  else if (existing !== iso3) map.set(key, null);
}
