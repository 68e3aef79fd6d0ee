/**
 * DataLoader wants one result per key, in key order; list queries return rows shaped
 * { key, items } in whatever order. (Single objects are ordered by the plugin's `sort` option.)
 */

/** A list per key, from rows shaped { key, items } (an empty list where a key has no row). */
export function groupedByKeys<T>(
  keys: readonly string[],
  rows: readonly { key: string; items: T[] }[],
): T[][] {
  const byKey = new Map(rows.map((row) => [row.key, row.items]));
  return keys.map((key) => byKey.get(key) ?? []);
}
