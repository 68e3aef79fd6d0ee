import type { DbContext } from '../../graphql/context.ts';
import { cypher } from '../../db/cypher.ts';
import type { Tx } from '../../db/run.ts';

export interface MeasurementRecord {
  readonly id: string;
  readonly date: string;
  readonly value: number;
  readonly note: string | null;
}

export interface IndicatorRecord {
  readonly id: string;
  readonly name: string;
  readonly baseline: number | null;
  readonly target: number | null;
  readonly unit: string | null;
  readonly measurements: readonly MeasurementRecord[];
}

export function findIndicators({ db }: DbContext, actionIds: readonly string[]) {
  return db.read<{ actionId: string; indicator: IndicatorRecord }>(
    cypher('follow-ups/find-indicators'),
    { actionIds },
  );
}

// --- inside a write transaction ---------------------------------------------------------------

export async function lockIndicator(
  tx: Tx,
  id: string,
): Promise<{ actionId: string; state: string; indicator: IndicatorRecord } | null> {
  const [row] = await tx.run<{ actionId: string; state: string; indicator: IndicatorRecord }>(
    cypher('follow-ups/lock-indicator'),
    { id },
  );
  return row ?? null;
}

export async function createIndicator(
  tx: Tx,
  indicator: Omit<IndicatorRecord, 'measurements'> & { actionId: string },
): Promise<IndicatorRecord> {
  const [row] = await tx.run<{ indicator: IndicatorRecord }>(
    cypher('follow-ups/create-indicator'),
    { ...indicator },
  );
  return row!.indicator;
}

export async function createMeasurement(
  tx: Tx,
  measurement: MeasurementRecord & { indicatorId: string },
): Promise<MeasurementRecord> {
  const [row] = await tx.run<{ measurement: MeasurementRecord }>(
    cypher('follow-ups/create-measurement'),
    { ...measurement },
  );
  return row!.measurement;
}

export async function deleteIndicator(tx: Tx, id: string): Promise<void> {
  await tx.run(cypher('follow-ups/delete-indicator'), { id });
}
