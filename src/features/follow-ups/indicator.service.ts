/** Indicators of an action and their measurements: how progress is measured (internal). */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { canEditState, canSeeInternal, type Viewer } from '../../auth/viewer.ts';
import type { Context } from '../../graphql/context.ts';
import type { Tx } from '../../db/run.ts';
import { NotFoundError } from '../../core/errors.ts';
import { recordAudit } from '../audit/index.ts';
import type { ActionRecord } from './action.repository.ts';
import { ownAction, requireWriter, type WriteContext } from './follow-up-checks.ts';
import { idOf, isoDate, optionalText, parse, text } from './follow-up-inputs.ts';
import * as repository from './indicator.repository.ts';

const IndicatorSchema = z.object({
  actionId: idOf('FollowUpAction'),
  name: text(300),
  baseline: z
    .number()
    .finite()
    .nullish()
    .transform((n) => n ?? null),
  target: z
    .number()
    .finite()
    .nullish()
    .transform((n) => n ?? null),
  unit: optionalText(50),
});
export type IndicatorInput = z.input<typeof IndicatorSchema>;

const MeasurementSchema = z.object({
  indicatorId: idOf('Indicator'),
  date: isoDate,
  value: z.number().finite(),
  note: optionalText(2000),
});

// --- writes ------------------------------------------------------------------------------------

export async function createIndicator(
  ctx: WriteContext,
  input: IndicatorInput,
): Promise<repository.IndicatorRecord> {
  requireWriter(ctx.viewer);
  const data = parse(IndicatorSchema, input);
  return ctx.db.transaction(async (tx) => {
    const action = await ownAction(tx, ctx.viewer, data.actionId);
    const indicator = await repository.createIndicator(tx, {
      id: randomUUID(),
      actionId: action.id,
      name: data.name,
      baseline: data.baseline,
      target: data.target,
      unit: data.unit,
    });
    await recordAudit(tx, ctx.viewer, {
      operation: 'CREATE_INDICATOR',
      entityType: 'Indicator',
      entityId: indicator.id,
      parentId: action.id,
      state: action.state,
      before: null,
      after: indicator,
    });
    return indicator;
  });
}

async function ownIndicator(tx: Tx, viewer: Viewer, id: string) {
  const found = await repository.lockIndicator(tx, id);
  if (!found || !canEditState(viewer, found.state)) throw new NotFoundError('Indicator', id);
  return found;
}

/** Records a dated value of an indicator. @returns the indicator with all its measurements */
export async function recordMeasurement(
  ctx: WriteContext,
  input: z.input<typeof MeasurementSchema>,
): Promise<repository.IndicatorRecord> {
  requireWriter(ctx.viewer);
  const data = parse(MeasurementSchema, input);
  return ctx.db.transaction(async (tx) => {
    const before = await ownIndicator(tx, ctx.viewer, data.indicatorId);
    const measurement = await repository.createMeasurement(tx, {
      id: randomUUID(),
      indicatorId: data.indicatorId,
      date: data.date,
      value: data.value,
      note: data.note,
    });
    await recordAudit(tx, ctx.viewer, {
      operation: 'RECORD_MEASUREMENT',
      entityType: 'Indicator',
      entityId: before.indicator.id,
      parentId: before.actionId,
      state: before.state,
      before: null,
      after: measurement,
    });
    const measurements = [...before.indicator.measurements, measurement].sort(
      (a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id),
    );
    return { ...before.indicator, measurements };
  });
}

export async function deleteIndicator(
  ctx: WriteContext,
  input: { id: string },
): Promise<repository.IndicatorRecord> {
  requireWriter(ctx.viewer);
  const id = parse(idOf('Indicator'), input.id);
  return ctx.db.transaction(async (tx) => {
    const before = await ownIndicator(tx, ctx.viewer, id);
    await repository.deleteIndicator(tx, id);
    await recordAudit(tx, ctx.viewer, {
      operation: 'DELETE_INDICATOR',
      entityType: 'Indicator',
      entityId: id,
      parentId: before.actionId,
      state: before.state,
      before: before.indicator,
      after: null,
    });
    return before.indicator;
  });
}

// --- reads -------------------------------------------------------------------------------------

/** Indicators of each action; null where the viewer may not read them. */
export async function indicatorsOf(
  ctx: Pick<Context, 'db' | 'viewer'>,
  actions: readonly ActionRecord[],
): Promise<(repository.IndicatorRecord[] | null)[]> {
  const visible = actions.filter((a) => canSeeInternal(ctx.viewer, a.state)).map((a) => a.id);
  const rows = visible.length ? await repository.findIndicators(ctx, visible) : [];
  return actions.map((a) =>
    canSeeInternal(ctx.viewer, a.state)
      ? rows.filter((row) => row.actionId === a.id).map((row) => row.indicator)
      : null,
  );
}
