/** Agencies: the public bodies of a state responsible for its follow-up actions. */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { canEditState, canSeeInternal, type Viewer } from '../../auth/viewer.ts';
import type { DbContext } from '../../graphql/context.ts';
import type { Tx } from '../../db/run.ts';
import { NotFoundError } from '../../core/errors.ts';
import { recordAudit } from '../audit/index.ts';
import * as repository from './agency.repository.ts';
import {
  requireKnownState,
  requireState,
  requireWriter,
  type WriteContext,
} from './follow-up-checks.ts';
import { idOf, iso3, optionalText, parse, text, type Loose } from './follow-up-inputs.ts';

const AgencySchema = z.object({
  state: iso3,
  name: text(300),
  kind: optionalText(100),
  contact: optionalText(500),
});
export type AgencyInput = z.input<typeof AgencySchema>;

const UpdateAgencySchema = z.object({
  id: idOf('Agency'),
  name: text(300).optional(),
  kind: optionalText(100).optional(),
  contact: optionalText(500).optional(),
});

const nameKey = (name: string) => name.trim().toLowerCase().replace(/\s+/gu, ' ');

// --- writes ------------------------------------------------------------------------------------

export async function createAgency(
  ctx: WriteContext,
  input: AgencyInput,
): Promise<repository.AgencyRecord> {
  requireWriter(ctx.viewer);
  const data = parse(AgencySchema, input);
  requireState(ctx.viewer, data.state);
  return ctx.db.transaction(async (tx) => {
    await requireKnownState(tx, data.state);
    const agency = await repository.createAgency(tx, {
      id: randomUUID(),
      state: data.state,
      name: data.name,
      nameKey: nameKey(data.name),
      kind: data.kind,
      contact: data.contact,
    });
    await recordAudit(tx, ctx.viewer, {
      operation: 'CREATE_AGENCY',
      entityType: 'Agency',
      entityId: agency.id,
      state: agency.state,
      before: null,
      after: agency,
    });
    return agency;
  });
}

async function ownAgency(tx: Tx, viewer: Viewer, id: string) {
  const agency = await repository.lockAgency(tx, id);
  if (!agency || !canEditState(viewer, agency.state)) throw new NotFoundError('Agency', id);
  return agency;
}

export async function updateAgency(
  ctx: WriteContext,
  input: Loose<z.input<typeof UpdateAgencySchema>>,
): Promise<repository.AgencyRecord> {
  requireWriter(ctx.viewer);
  const data = parse(UpdateAgencySchema, input);
  return ctx.db.transaction(async (tx) => {
    const before = await ownAgency(tx, ctx.viewer, data.id);
    const name = data.name ?? before.name;
    const after = await repository.updateAgency(tx, {
      ...before,
      name,
      nameKey: nameKey(name),
      kind: data.kind === undefined ? before.kind : data.kind,
      contact: data.contact === undefined ? before.contact : data.contact,
    });
    await recordAudit(tx, ctx.viewer, {
      operation: 'UPDATE_AGENCY',
      entityType: 'Agency',
      entityId: after.id,
      state: after.state,
      before,
      after,
    });
    return after;
  });
}

/** Deletes an agency; its actions stay, without it. @returns the agency as it was */
export async function deleteAgency(
  ctx: WriteContext,
  input: { id: string },
): Promise<repository.AgencyRecord> {
  requireWriter(ctx.viewer);
  const id = parse(idOf('Agency'), input.id);
  return ctx.db.transaction(async (tx) => {
    const before = await ownAgency(tx, ctx.viewer, id);
    await repository.deleteAgency(tx, id);
    await recordAudit(tx, ctx.viewer, {
      operation: 'DELETE_AGENCY',
      entityType: 'Agency',
      entityId: id,
      state: before.state,
      before,
      after: null,
    });
    return before;
  });
}

// --- reads -------------------------------------------------------------------------------------

export function findAgenciesByIds(ctx: DbContext, ids: readonly string[]) {
  return repository.findAgenciesByIds(ctx, ids);
}

export function stateAgencies(ctx: DbContext, state: string) {
  return repository.findStateAgencies(ctx, state);
}

/** Whether the viewer may read an agency's contact details. */
export const canSeeContact = (viewer: Viewer, agency: repository.AgencyRecord) =>
  canSeeInternal(viewer, agency.state);
