export { SdgGoalRef, SdgTargetRef } from './sdg.schema.ts';
export type { SdgGoal, SdgTarget } from './sdg.repository.ts';
