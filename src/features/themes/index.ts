export { AffectedGroupRef, ThemeRef } from './theme.schema.ts';
export type { AffectedGroup, Theme } from './theme.repository.ts';
