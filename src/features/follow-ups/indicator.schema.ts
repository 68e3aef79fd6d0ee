import { builder } from '../../graphql/builder.ts';
import { FollowUpActionRef } from './action.schema.ts';
import type { ActionRecord } from './action.repository.ts';
import { WRITE_ERRORS } from './follow-up-checks.ts';
import type { IndicatorRecord, MeasurementRecord } from './indicator.repository.ts';
import * as service from './indicator.service.ts';

const MeasurementRef = builder.objectRef<MeasurementRecord>('Measurement').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    date: t.field({ type: 'Date', resolve: (m) => m.date }),
    value: t.exposeFloat('value'),
    note: t.exposeString('note', { nullable: true }),
  }),
});

const IndicatorRef = builder.objectRef<IndicatorRecord>('Indicator').implement({
  description: "How progress on an action is measured (internal to the state's follow-up).",
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    baseline: t.exposeFloat('baseline', { nullable: true }),
    target: t.exposeFloat('target', { nullable: true }),
    unit: t.exposeString('unit', { nullable: true }),
    measurements: t.field({
      type: [MeasurementRef],
      description: 'Oldest first.',
      resolve: (i) => [...i.measurements],
    }),
    latest: t.field({
      type: MeasurementRef,
      nullable: true,
      resolve: (i) => i.measurements.at(-1) ?? null,
    }),
  }),
});

builder.objectFields(FollowUpActionRef, (t) => ({
  indicators: t.loadableList({
    type: IndicatorRef,
    nullable: true,
    description: 'Internal: null for viewers who may not read them.',
    load: (actions: ActionRecord[], ctx) => service.indicatorsOf(ctx, actions),
    resolve: (a) => a,
  }),
}));

const CreateIndicatorInput = builder.inputType('CreateIndicatorInput', {
  fields: (t) => ({
    actionId: t.id({ required: true }),
    name: t.string({ required: true }),
    baseline: t.float({ required: false }),
    target: t.float({ required: false }),
    unit: t.string({ required: false }),
  }),
});

const RecordIndicatorValueInput = builder.inputType('RecordIndicatorValueInput', {
  fields: (t) => ({
    indicatorId: t.id({ required: true }),
    date: t.field({ type: 'Date', required: true }),
    value: t.float({ required: true }),
    note: t.string({ required: false }),
  }),
});

builder.mutationFields((t) => ({
  createIndicator: t.field({
    type: IndicatorRef,
    errors: { types: WRITE_ERRORS, directResult: true, union: { name: 'CreateIndicatorResult' } },
    args: { input: t.arg({ type: CreateIndicatorInput, required: true }) },
    resolve: (_root, { input }, ctx) => service.createIndicator(ctx, input),
  }),
  recordIndicatorValue: t.field({
    type: IndicatorRef,
    errors: {
      types: WRITE_ERRORS,
      directResult: true,
      union: { name: 'RecordIndicatorValueResult' },
    },
    args: { input: t.arg({ type: RecordIndicatorValueInput, required: true }) },
    resolve: (_root, { input }, ctx) => service.recordMeasurement(ctx, input),
  }),
  deleteIndicator: t.field({
    type: IndicatorRef,
    errors: { types: WRITE_ERRORS, directResult: true, union: { name: 'DeleteIndicatorResult' } },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => service.deleteIndicator(ctx, { id: String(id) }),
  }),
}));
