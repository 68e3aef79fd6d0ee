/** Irregular English plurals the stemmer leaves apart. */
export const LEMMAS = new Map([
  ['children', 'child'],
  ['women', 'woman'],
  ['men', 'man'],
  ['people', 'person'],
  ['peoples', 'person'],
  ['persons', 'person'],
]);
