/** The common vocabulary of UPR responses; sources' own words are mapped onto it on import. */
export const RESPONSES = ['SUPPORTED', 'NOTED', 'PARTIALLY_SUPPORTED', 'NO_RESPONSE'] as const;
export type UprResponse = (typeof RESPONSES)[number];
