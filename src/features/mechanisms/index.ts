export { MechanismRef } from './mechanism.schema.ts';
export type { Mechanism } from './mechanism.repository.ts';
