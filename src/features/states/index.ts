export { StateNameIndex, nameKey, nameKeys } from './state-names.ts';
export type { State } from './state.repository.ts';
export { requireM49Codes, stateNameIndex } from './state.service.ts';
export { LanguageEnum, StateRef, iso3Arg } from './state.schema.ts';
