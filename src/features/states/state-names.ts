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
  return (
    name
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
      .trim()
      // "St Lucia", "St. Kitts & Nevis"
      .replace(/(^| )st( |$)/gu, '$1saint$2')
  );
}

/** The key with its spaces removed, for sources that run words together ("costarica"). */
const compactKey = (key: string) => key.replace(/ /g, '');

/**
 * Characters that MacRoman text shows when it was misread as Windows-1252 ("C™te d'Ivoire" for
 * "Côte d'Ivoire"), mapped back through the bytes they stand for. Quotes and dashes are left
 * alone: they are far more often real punctuation.
 */
// Windows-1252 bytes 0x80-0x9F (0xA0-0xFF are the Latin-1 code points). Written out because
// Node's 'windows-1252' TextDecoder decodes these bytes as Latin-1 control characters.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const macRoman = new TextDecoder('macintosh');
const MOJIBAKE = new Map<string, string>();
for (let byte = 0x80; byte <= 0xff; byte++) {
  const misread = byte < 0xa0 ? CP1252_HIGH[byte - 0x80]! : String.fromCharCode(byte);
  if (!/[‘’“”–—…]/u.test(misread)) MOJIBAKE.set(misread, macRoman.decode(Uint8Array.of(byte)));
}

/** Reverses MacRoman-read-as-Windows-1252 residue; returns the text unchanged when there is none. */
export function repairMojibake(text: string): string {
  return [...text].map((ch) => MOJIBAKE.get(ch) ?? ch).join('');
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
  private readonly compact = new Map<string, string | null>();

  /** @param states every state with its iso3 and the names it is known by */
  constructor(states: Iterable<{ iso3: string; names: readonly string[] }>) {
    for (const state of states) {
      add(this.exact, state.iso3.toLowerCase(), state.iso3);
      for (const name of state.names) {
        const [full, ...others] = nameKeys(name);
        if (full) add(this.exact, full, state.iso3);
        for (const key of others) add(this.derived, key, state.iso3);
        for (const key of [full, ...others]) {
          if (key) add(this.compact, compactKey(key), state.iso3);
        }
        // Run-together forms ("elsalvador") keep a leading article that nameKey drops.
        const withArticle = name.replace(/^(el|la|le|los|las)\s+/iu, '$1');
        add(this.compact, compactKey(nameKey(withArticle)), state.iso3);
      }
    }
  }

  /**
   * The ISO3 code for a name or code, or undefined when unknown or ambiguous. Tries, in order: the
   * full name, a derived short form, the name with its words run together, and the same again
   * after repairing MacRoman residue.
   */
  resolve(name: string): string | undefined {
    const lookup = (text: string) => {
      const key = nameKey(text);
      if (!key) return undefined;
      const exact = this.exact.get(key);
      if (exact !== undefined) return exact ?? undefined;
      const derived = this.derived.get(key);
      if (derived !== undefined) return derived ?? undefined;
      return this.compact.get(compactKey(key)) ?? undefined;
    };
    const found = lookup(name);
    if (found !== undefined) return found;
    const repaired = repairMojibake(name);
    return repaired === name ? undefined : lookup(repaired);
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
        // "Spain and Portugal": only split on "and" when the part as a whole names no state.
        const joined = parts[i]!.split(/\s+(?:and|&)\s+/iu).map((name) => this.resolve(name));
        if (joined.length > 1 && joined.every((iso3) => iso3 !== undefined)) {
          for (const iso3 of joined) if (!iso3s.includes(iso3)) iso3s.push(iso3);
        } else {
          unknown.push(parts[i]!);
        }
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
