/**
 * The API hands out global IDs ("FollowUpAction:<uuid>", "Recommendation:A/HRC/28/15#115.1") and
 * takes either them or the stored ids. Services turn what they are given into the stored id
 * here, without depending on the GraphQL layer.
 */

/**
 * The stored id of `id`: the part after "<Typename>:" when it is a global ID of one of
 * `typenames`, else `id` itself.
 * @example storedId('FollowUpAction:1b2c', 'FollowUpAction') // '1b2c'
 */
export function storedId(id: string, ...typenames: readonly string[]): string {
  for (const typename of typenames) {
    if (id.startsWith(`${typename}:`)) return id.slice(typename.length + 1);
  }
  return id;
}
