import type { DbContext } from '../../graphql/context.ts';
import { cypher } from '../../db/cypher.ts';
import type { Tx } from '../../db/run.ts';

export interface AssessmentRecord {
  readonly id: string;
  readonly recommendationId: string;
  readonly state: string;
  readonly assessorKind: string;
  readonly assessor: string;
  readonly scale: string;
  readonly grade: string;
  readonly commonGrade: string;
  readonly date: string;
  readonly sourceDocument: string | null;
  readonly note: string | null;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

export function findAssessments({ db }: DbContext, ids: readonly string[]) {
  return db.read<{ id: string; assessment: AssessmentRecord }>(
    cypher('follow-ups/find-assessments'),
    { ids },
  );
}

export async function createAssessment(
  tx: Tx,
  assessment: Omit<AssessmentRecord, 'state' | 'recordedAt'>,
): Promise<AssessmentRecord> {
  const [row] = await tx.run<{ assessment: AssessmentRecord }>(
    cypher('follow-ups/create-assessment'),
    { ...assessment },
  );
  return row!.assessment;
}
