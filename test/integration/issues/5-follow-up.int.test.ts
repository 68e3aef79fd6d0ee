/**
 * Issue 5: follow-up through GraphQL on the real Neo4j: actions, agencies, progress, indicators,
 * assessments and deadlines; the authorization matrix (every mutation x role x own/other state);
 * optimistic versions under 50 concurrent updates; the audit trail; the committee's report.
 *
 * The test imports four recommendations of its own (two to Slovenia, two to Croatia) and a
 * committee token for Slovenia; every object it creates is named with a prefix unique to the run
 * and removed afterwards (the demo follow-up is left as it is).
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken, type SignedRole } from '../../../src/auth/viewer.ts';
import { exportFollowUpCommand } from '../../../src/cli/follow-up.ts';
import { runImport } from '../../../src/features/imports/index.ts';
import { createTestApp, type TestApp } from '../../helpers/create-test-app.ts';
import { uniqueId } from '../../helpers/factories.ts';
import { importScope, type Scope } from '../../helpers/import-fixtures.ts';

const JWT_SECRET = 'a-test-secret-of-at-least-32-characters';
const RUN = uniqueId('fu-');
let t: TestApp;
let scope: Scope;
let svn: string[];
let hrv: string[];

type Headers = Record<string, string>;
const ROLES = ['ANONYMOUS', 'ANALYST', 'REVIEWER', 'COMMITTEE', 'ADMIN'] as const;
type TestRole = (typeof ROLES)[number];
/** Request headers per role; COMMITTEE is Slovenia's committee. */
const headers = {} as Record<TestRole | 'HRV_COMMITTEE', Headers>;

async function tokenFor(role: SignedRole, states: string[] = []): Promise<Headers> {
  const token = await signToken({ secret: JWT_SECRET, role, states, name: `${RUN}-${role}` });
  return { authorization: `Bearer ${token}` };
}

interface Result {
  readonly typename: string;
  readonly message?: string;
  readonly id?: string;
  readonly version?: number;
  readonly currentVersion?: number;
  readonly title?: string;
  readonly [key: string]: unknown;
}

const ERROR = '... on Error { message code }';

/** Runs a mutation whose result is a union; returns the result object with its __typename. */
async function mutate(
  field: string,
  args: string,
  selection: string,
  variables: Record<string, unknown>,
  who: Headers = headers.ADMIN,
): Promise<Result> {
  const decl = Object.keys(variables)
    .map((k) => `$${k}: ${VARIABLE_TYPES[k]}`)
    .join(', ');
  const response = await t.execute<Record<string, Record<string, unknown>>>(
    `mutation (${decl}) { result: ${field}(${args}) { __typename ${selection} ${ERROR} } }`,
    variables,
    who,
  );
  expect(response.errors).toBeUndefined();
  const { __typename, ...rest } = response.data!['result']!;
  return { typename: __typename as string, ...rest };
}

const VARIABLE_TYPES: Record<string, string> = {
  create: 'CreateFollowUpActionInput!',
  update: 'UpdateFollowUpActionInput!',
  progress: 'AddProgressUpdateInput!',
  agency: 'CreateAgencyInput!',
  agencyUpdate: 'UpdateAgencyInput!',
  indicator: 'CreateIndicatorInput!',
  value: 'RecordIndicatorValueInput!',
  assessment: 'RecordAssessmentInput!',
  id: 'ID!',
  version: 'Int',
};

const createAction = (input: Record<string, unknown>, who?: Headers) =>
  mutate(
    'createFollowUpAction',
    'input: $create',
    '... on FollowUpAction { id version status title }',
    { create: { title: `${RUN} action`, ...input } },
    who,
  );
const updateAction = (input: Record<string, unknown>, who?: Headers) =>
  mutate(
    'updateFollowUpAction',
    'input: $update',
    '... on FollowUpAction { id version status title description } ... on VersionConflictError { currentVersion }',
    { update: input },
    who,
  );
const createAgency = (input: Record<string, unknown>, who?: Headers) =>
  mutate('createAgency', 'input: $agency', '... on Agency { id name }', { agency: input }, who);

/** An agency, an action (with one of the state's recommendations) and an indicator, by admin. */
async function fixture(state: 'SVN' | 'HRV') {
  const agency = await createAgency({ state, name: uniqueId(`${RUN} agency `), contact: 'x@y' });
  const recommendation = state === 'SVN' ? svn[0] : hrv[0];
  const action = await createAction({
    state,
    recommendationIds: [recommendation],
    agencyIds: [agency.id],
  });
  const indicator = await mutate(
    'createIndicator',
    'input: $indicator',
    '... on Indicator { id }',
    { indicator: { actionId: action.id, name: `${RUN} indicator`, baseline: 1, target: 2 } },
  );
  expect([agency.typename, action.typename, indicator.typename]).toEqual([
    'Agency',
    'FollowUpAction',
    'Indicator',
  ]);
  // Stored ids (the API returns global ones, "FollowUpAction:…", and takes either).
  const raw = (id: unknown) => String(id).replace(/^[A-Za-z]+:/u, '');
  return {
    state,
    agencyId: raw(agency.id),
    actionId: raw(action.id),
    indicatorId: indicator.id as string,
    recommendationId: recommendation!,
  };
}
type Fixture = Awaited<ReturnType<typeof fixture>>;

const addProgress = (f: Pick<Fixture, 'actionId'>, who: Headers) =>
  mutate(
    'addProgressUpdate',
    'input: $progress',
    '... on ProgressUpdate { id }',
    { progress: { actionId: f.actionId, note: `${RUN} progress` } },
    who,
  );

/** Every mutation, as a function of a fresh fixture of the target state. */
const MUTATIONS: Record<string, (f: Fixture, who: Headers) => Promise<Result>> = {
  createFollowUpAction: (f, who) =>
    createAction({ state: f.state, recommendationIds: [f.recommendationId] }, who),
  updateFollowUpAction: (f, who) =>
    updateAction({ id: f.actionId, expectedVersion: 1, status: 'IN_PROGRESS' }, who),
  deleteFollowUpAction: (f, who) =>
    mutate(
      'deleteFollowUpAction',
      'id: $id',
      '... on FollowUpAction { id }',
      { id: f.actionId },
      who,
    ),
  addProgressUpdate: addProgress,
  createAgency: (f, who) => createAgency({ state: f.state, name: uniqueId(`${RUN} agency `) }, who),
  updateAgency: (f, who) =>
    mutate(
      'updateAgency',
      'input: $agencyUpdate',
      '... on Agency { id }',
      { agencyUpdate: { id: f.agencyId, contact: 'new@contact' } },
      who,
    ),
  deleteAgency: (f, who) =>
    mutate('deleteAgency', 'id: $id', '... on Agency { id }', { id: f.agencyId }, who),
  createIndicator: (f, who) =>
    mutate(
      'createIndicator',
      'input: $indicator',
      '... on Indicator { id }',
      { indicator: { actionId: f.actionId, name: `${RUN} indicator 2` } },
      who,
    ),
  recordIndicatorValue: (f, who) =>
    mutate(
      'recordIndicatorValue',
      'input: $value',
      '... on Indicator { id }',
      { value: { indicatorId: f.indicatorId, date: '2026-01-31', value: 3 } },
      who,
    ),
  deleteIndicator: (f, who) =>
    mutate('deleteIndicator', 'id: $id', '... on Indicator { id }', { id: f.indicatorId }, who),
  recordAssessment: (f, who) =>
    mutate(
      'recordAssessment',
      'input: $assessment',
      '... on Assessment { id }',
      {
        assessment: {
          recommendationId: f.recommendationId,
          // Committees record their state's own assessment; the others a mechanism's.
          assessorKind: who === headers.COMMITTEE ? 'STATE' : 'MECHANISM',
          assessor: `${RUN} assessor`,
          scale: who === headers.COMMITTEE ? 'UPR_SELF' : 'CCPR',
          grade: who === headers.COMMITTEE ? 'partially implemented' : 'B',
          date: '2026-02-01',
        },
      },
      who,
    ),
};

const SUCCESS: Record<string, string> = {
  createFollowUpAction: 'FollowUpAction',
  updateFollowUpAction: 'FollowUpAction',
  deleteFollowUpAction: 'FollowUpAction',
  addProgressUpdate: 'ProgressUpdate',
  createAgency: 'Agency',
  updateAgency: 'Agency',
  deleteAgency: 'Agency',
  createIndicator: 'Indicator',
  recordIndicatorValue: 'Indicator',
  deleteIndicator: 'Indicator',
  recordAssessment: 'Assessment',
};

/** What each role gets; `own` is Slovenia (the committee's state), `other` Croatia. */
function expected(mutation: string, role: TestRole, target: 'own' | 'other'): string {
  if (role === 'ADMIN') return SUCCESS[mutation]!;
  if (mutation === 'recordAssessment') {
    if (role === 'REVIEWER') return 'Assessment';
    if (role === 'COMMITTEE') return target === 'own' ? 'Assessment' : 'NotFoundError';
    return 'ForbiddenError';
  }
  if (role !== 'COMMITTEE') return 'ForbiddenError';
  if (target === 'own') return SUCCESS[mutation]!;
  // Creating names a state, which is public: refused plainly. Acting on an object of another
  // state is reported exactly as for an object that does not exist.
  return mutation === 'createFollowUpAction' || mutation === 'createAgency'
    ? 'ForbiddenError'
    : 'NotFoundError';
}

const countAudit = async () => {
  const [row] = await t.db.read<{ n: number }>(
    'MATCH (e:AuditEvent) WHERE e.actor STARTS WITH $run RETURN count(e) AS n',
    { run: RUN },
  );
  return row!.n;
};

async function cleanup(): Promise<void> {
  await t.db.write(
    `MATCH (a:FollowUpAction) WHERE a.title STARTS WITH $run
     OPTIONAL MATCH (a)-[:HAS_PROGRESS|MEASURED_BY]->(c)
     OPTIONAL MATCH (c)-[:HAS_MEASUREMENT]->(m)
     DETACH DELETE m, c, a`,
    { run: RUN },
  );
  await t.db.write('MATCH (g:Agency) WHERE g.name STARTS WITH $run DETACH DELETE g', { run: RUN });
  await t.db.write('MATCH (s:Assessment) WHERE s.assessor STARTS WITH $run DETACH DELETE s', {
    run: RUN,
  });
  await t.db.write('MATCH (e:AuditEvent) WHERE e.actor STARTS WITH $run DELETE e', { run: RUN });
}

beforeAll(async () => {
  t = createTestApp({ auth: { jwtSecret: JWT_SECRET } });
  scope = importScope();
  // Lines 1 and 3 are addressed to Slovenia, 2 and 4 to Croatia.
  const file = scope.file('recs.ndjson', [1, 2, 3, 4].map((n) => scope.ndjsonLine(n)).join('\n'));
  const imported = await runImport({ db: t.db }, { files: [file], format: 'ndjson' });
  expect(imported.created).toBe(4);
  const ids = await t.db.read<{ id: string; state: string }>(
    'MATCH (r:Recommendation {mechanism: $m}) RETURN r.id AS id, r.state AS state ORDER BY id',
    { m: scope.mechanism },
  );
  svn = ids.filter((r) => r.state === 'SVN').map((r) => r.id);
  hrv = ids.filter((r) => r.state === 'HRV').map((r) => r.id);
  headers.ANONYMOUS = {};
  headers.ANALYST = await tokenFor('ANALYST');
  headers.REVIEWER = await tokenFor('REVIEWER');
  headers.COMMITTEE = await tokenFor('COMMITTEE', ['SVN']);
  headers.ADMIN = await tokenFor('ADMIN');
  headers.HRV_COMMITTEE = await tokenFor('COMMITTEE', ['HRV']);
});

afterAll(async () => {
  await cleanup();
  await scope.cleanup(t.db);
  await t.close();
});

describe('actions', () => {
  it('creates, reads, updates and deletes an action of its own state, with links and history', async () => {
    // Arrange: an agency of Slovenia, by Slovenia's committee.
    const agency = await createAgency({ state: 'SVN', name: `${RUN} Ministry` }, headers.COMMITTEE);
    expect(agency.typename).toBe('Agency');
    // Act: create, update, report progress.
    const created = await createAction(
      {
        state: 'svn',
        description: 'first',
        dueDate: '2027-06-30',
        recommendationIds: [svn[0], `Recommendation:${svn[1]}`],
        agencyIds: [agency.id],
      },
      headers.COMMITTEE,
    );
    expect(created).toMatchObject({ typename: 'FollowUpAction', version: 1, status: 'PLANNED' });
    const updated = await updateAction(
      { id: created.id, expectedVersion: 1, status: 'IN_PROGRESS', description: null },
      headers.COMMITTEE,
    );
    expect(updated).toMatchObject({ version: 2, status: 'IN_PROGRESS', description: null });
    const progress = await mutate(
      'addProgressUpdate',
      'input: $progress',
      '... on ProgressUpdate { id status note action { version status completedDate } }',
      {
        progress: {
          actionId: created.id,
          date: '2026-03-01',
          note: 'Law adopted',
          status: 'COMPLETED',
          evidenceUrl: 'https://example.org/law',
        },
      },
      headers.COMMITTEE,
    );
    expect(progress).toMatchObject({
      typename: 'ProgressUpdate',
      status: 'COMPLETED',
      action: { version: 3, status: 'COMPLETED', completedDate: '2026-03-01' },
    });
    // Assert: the recommendation sees the action, the state's summary counts it.
    const read = await t.execute<{
      node: { actions: { id: string; agencies: { name: string }[] }[] };
      state: { followUp: { recommendationsWithAction: number; coverage: number } };
    }>(
      `query ($id: ID!) {
         node(id: $id) { ... on Recommendation { actions { id agencies { name } } } }
         state(iso3: "SVN") { followUp { recommendationsWithAction coverage } }
       }`,
      { id: `Recommendation:${svn[1]}` },
      headers.COMMITTEE,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.node.actions.map((a) => a.id)).toContain(created.id);
    expect(read.data!.state.followUp.recommendationsWithAction).toBeGreaterThanOrEqual(2);
    expect(read.data!.state.followUp.coverage).toBeGreaterThan(0);
  });

  it('rejects bad input with a typed error and writes nothing', async () => {
    const before = await countAudit();
    const cases: [Record<string, unknown>, string][] = [
      [{ state: 'SVN', title: ' ' }, 'title'],
      [{ state: 'SVN', dueDate: '2026-02-30' }, 'dueDate'],
      [{ state: 'SVN', startDate: '2027-01-01', dueDate: '2026-01-01' }, 'dueDate'],
      [{ state: 'SVN', recommendationIds: [hrv[0]] }, 'recommendationIds'],
      [{ state: 'SVN', recommendationIds: ['no/such#1'] }, 'recommendationIds'],
    ];
    for (const [input, field] of cases) {
      const response = await t.execute<{ result: { __typename: string; field: string } }>(
        `mutation ($i: CreateFollowUpActionInput!) { result: createFollowUpAction(input: $i) {
           __typename ... on InvalidInputError { field } } }`,
        { i: { title: `${RUN} bad`, ...input } },
        headers.COMMITTEE,
      );
      expect(response.data?.result, JSON.stringify(input)).toEqual({
        __typename: 'InvalidInputError',
        field,
      });
    }
    expect(await countAudit()).toBe(before);
  });

  it('keeps follow-up only for states that exist: an unknown code is NOT_FOUND everywhere', async () => {
    const before = await countAudit();
    // ZZZ is well-formed ISO 3166 alpha-3 but names no state (an admin may edit any state).
    const action = await createAction({ state: 'ZZZ', recommendationIds: [] });
    expect(action).toMatchObject({
      typename: 'NotFoundError',
      message: 'State "ZZZ" was not found',
    });
    const agency = await createAgency({ state: 'zzz', name: `${RUN} agency of nowhere` });
    expect(agency).toMatchObject({
      typename: 'NotFoundError',
      message: 'State "ZZZ" was not found',
    });
    expect(await countAudit()).toBe(before);
    const [written] = await t.db.read<{ n: number }>(
      "MATCH (n) WHERE (n:FollowUpAction OR n:Agency) AND n.state = 'ZZZ' RETURN count(n) AS n",
    );
    expect(written!.n).toBe(0);

    const report = await t.execute('{ followUpReport(state: "ZZZ", format: MD) { content } }');
    expect(report.errors?.[0]).toMatchObject({
      message: 'State "ZZZ" was not found',
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it("refuses to link another state's recommendation exactly as a missing one", async () => {
    const foreign = await createAction(
      { state: 'SVN', recommendationIds: [hrv[0]] },
      headers.COMMITTEE,
    );
    const missing = await createAction(
      { state: 'SVN', recommendationIds: ['X'.repeat(hrv[0]!.length)] },
      headers.COMMITTEE,
    );
    expect(foreign.typename).toBe('InvalidInputError');
    expect(foreign.message!.replace(hrv[0]!, '<id>')).toBe(
      missing.message!.replace('X'.repeat(hrv[0]!.length), '<id>'),
    );
  });

  it('lists actions by filter, soonest due first, and overdue ones', async () => {
    const overdue = await createAction({
      state: 'HRV',
      dueDate: '2020-01-01',
      recommendationIds: [hrv[1]],
    });
    const later = await createAction({
      state: 'HRV',
      dueDate: '2030-01-01',
      recommendationIds: [hrv[1]],
    });
    const undated = await createAction({ state: 'HRV', recommendationIds: [hrv[1]] });
    const response = await t.execute<{
      actions: { totalCount: number; edges: { node: { id: string; overdue: boolean } }[] };
      overdueActions: { id: string }[];
      notOverdue: { edges: { node: { id: string } }[] };
    }>(
      `query ($rec: ID!) {
         actions(filter: { states: ["HRV"], recommendationId: $rec }, first: 10) {
           totalCount edges { node { id overdue } } }
         overdueActions(state: "hrv") { id }
         notOverdue: actions(filter: { recommendationId: $rec, overdue: false }) { edges { node { id } } }
       }`,
      { rec: hrv[1] },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.actions.totalCount).toBe(3);
    // Soonest due first; an action without a due date last, and never overdue.
    expect(response.data!.actions.edges.map((e) => [e.node.id, e.node.overdue])).toEqual([
      [overdue.id, true],
      [later.id, false],
      [undated.id, false],
    ]);
    expect(response.data!.notOverdue.edges.map((e) => e.node.id)).toEqual([later.id, undated.id]);
    expect(response.data!.overdueActions.map((a) => a.id)).toContain(overdue.id);
    expect(response.data!.overdueActions.map((a) => a.id)).not.toContain(later.id);
  });
});

describe('authorization matrix', () => {
  const rows: string[] = [];
  afterAll(() => {
    // The matrix, for the issue's closing note (vitest prints it with --reporter=verbose).
    console.info(`authorization matrix (${rows.length} cases):\n${rows.join('\n')}`);
  });

  for (const mutation of Object.keys(MUTATIONS)) {
    it(`${mutation}: every role x own/other state`, async () => {
      for (const role of ROLES) {
        for (const target of ['own', 'other'] as const) {
          const f = await fixture(target === 'own' ? 'SVN' : 'HRV');
          const before = await countAudit();
          const result = await MUTATIONS[mutation]!(f, headers[role]);
          const want = expected(mutation, role, target);
          rows.push(
            `${mutation.padEnd(22)} ${role.padEnd(10)} ${target.padEnd(5)} ${result.typename}`,
          );
          expect(result.typename, `${mutation} as ${role} on ${target}: ${result.message}`).toBe(
            want,
          );
          // A success writes exactly one audit entry; a denial writes none.
          expect(await countAudit(), `${mutation} as ${role} on ${target}`).toBe(
            before + (want === SUCCESS[mutation] ? 1 : 0),
          );
        }
      }
    });
  }

  it('denies a foreign object with the same error as a missing one', async () => {
    const foreign = await fixture('HRV');
    const missing: Fixture = {
      ...foreign,
      actionId: '00000000-0000-4000-8000-000000000000',
      agencyId: '00000000-0000-4000-8000-000000000001',
      indicatorId: '00000000-0000-4000-8000-000000000002',
      recommendationId: 'NO/SUCH/SYMBOL#1',
    };
    const anonymise = (r: Result, f: Fixture) =>
      `${r.typename}: ${[f.actionId, f.agencyId, f.indicatorId, f.recommendationId].reduce(
        (m, id) => m.replaceAll(id, '<id>'),
        r.message ?? '',
      )}`;
    for (const [name, run] of Object.entries(MUTATIONS)) {
      if (name === 'createFollowUpAction' || name === 'createAgency') continue;
      const a = await run(foreign, headers.COMMITTEE);
      const b = await run(missing, headers.COMMITTEE);
      expect(anonymise(a, foreign), name).toBe(anonymise(b, missing));
      expect(a.typename, name).toBe('NotFoundError');
    }
  });

  it("hides another state's internal parts: progress, indicators, contacts, audit trail", async () => {
    const f = await fixture('SVN');
    await addProgress(f, headers.ADMIN);
    const query = `query ($id: ID!) {
      node(id: $id) { ... on FollowUpAction { title progressUpdates { note } indicators { name }
                      agencies { contact } viewerCanEdit } }
      auditTrail(entityId: $id) { operation }
    }`;
    type Seen = {
      node: {
        title: string;
        progressUpdates: unknown[] | null;
        indicators: unknown[] | null;
        agencies: { contact: string | null }[];
        viewerCanEdit: boolean;
      };
      auditTrail: unknown[];
    };
    const as = async (who: Headers, id = `FollowUpAction:${f.actionId}`) => {
      const r = await t.execute<Seen>(query, { id }, who);
      expect(r.errors).toBeUndefined();
      return r.data!;
    };
    const own = await as(headers.COMMITTEE);
    expect(own.node.progressUpdates).toHaveLength(1);
    expect(own.node.indicators).toHaveLength(1);
    expect(own.node.agencies[0]!.contact).toBe('x@y');
    expect(own.node.viewerCanEdit).toBe(true);
    expect(own.auditTrail.length).toBeGreaterThanOrEqual(3);
    expect((await as(headers.ANALYST)).node.progressUpdates).toHaveLength(1);
    for (const who of [headers.HRV_COMMITTEE, headers.ANONYMOUS]) {
      const seen = await as(who);
      // The public parts stay readable.
      expect(seen.node.title).toMatch(RUN);
      expect(seen.node).toMatchObject({
        progressUpdates: null,
        indicators: null,
        agencies: [{ contact: null }],
        viewerCanEdit: false,
      });
      expect(seen.auditTrail).toEqual([]);
    }
    const unknown = await t.execute<{ auditTrail: unknown[] }>(
      'query { auditTrail(entityId: "FollowUpAction:00000000-0000-4000-8000-000000000000") { id } }',
      {},
      headers.HRV_COMMITTEE,
    );
    expect(unknown.data!.auditTrail).toEqual([]);
  });
});

describe('concurrency', () => {
  it('50 concurrent updates of one version: one applies, 49 get a conflict, one audit entry', async () => {
    const f = await fixture('SVN');
    const before = await countAudit();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        updateAction(
          { id: f.actionId, expectedVersion: 1, title: `${RUN} writer ${i}` },
          headers.COMMITTEE,
        ),
      ),
    );
    const winners = results.filter((r) => r.typename === 'FollowUpAction');
    const conflicts = results.filter((r) => r.typename === 'VersionConflictError');
    console.info(
      `race of 50 on version 1: ${winners.length} applied, ${conflicts.length} conflicts`,
    );
    expect(winners).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    expect(conflicts.every((c) => c.currentVersion === 2)).toBe(true);
    expect(await countAudit()).toBe(before + 1);
    const [stored] = await t.db.read<{ title: string; version: number }>(
      'MATCH (a:FollowUpAction {id: $id}) RETURN a.title AS title, a.version AS version',
      { id: f.actionId },
    );
    expect(stored).toEqual({ title: winners[0]!.title, version: 2 });
  });

  it('50 concurrent writers retrying on conflict: all 50 changes applied in turn, none lost', async () => {
    const f = await fixture('SVN');
    let attempts = 0;
    const writer = async (i: number) => {
      let version = 1;
      for (;;) {
        attempts++;
        const r = await updateAction(
          { id: f.actionId, expectedVersion: version, title: `${RUN} writer ${i}` },
          headers.COMMITTEE,
        );
        if (r.typename === 'FollowUpAction') return;
        expect(r.typename).toBe('VersionConflictError');
        version = r.currentVersion as number;
      }
    };
    await Promise.all(Array.from({ length: 50 }, (_, i) => writer(i)));
    const trail = await t.execute<{ auditTrail: { operation: string; before: string }[] }>(
      'query ($id: ID!) { auditTrail(entityId: $id, first: 500) { operation before } }',
      { id: f.actionId },
      headers.COMMITTEE,
    );
    const updates = trail.data!.auditTrail.filter((e) => e.operation === 'UPDATE_FOLLOW_UP_ACTION');
    const versions = updates.map((e) => (JSON.parse(e.before) as { version: number }).version);
    console.info(`50 retrying writers: ${attempts} attempts, ${updates.length} updates applied`);
    // Each update was based on the one before it: versions 1..50, newest first, no gaps.
    expect(versions).toEqual(Array.from({ length: 50 }, (_, i) => 50 - i));
    const [stored] = await t.db.read<{ version: number }>(
      'MATCH (a:FollowUpAction {id: $id}) RETURN a.version AS version',
      { id: f.actionId },
    );
    expect(stored!.version).toBe(51);
  });

  it('50 concurrent progress updates on one action are all kept', async () => {
    const f = await fixture('SVN');
    await Promise.all(Array.from({ length: 50 }, () => addProgress(f, headers.COMMITTEE)));
    const [row] = await t.db.read<{ n: number }>(
      'MATCH (:FollowUpAction {id: $id})-[:HAS_PROGRESS]->(p) RETURN count(p) AS n',
      { id: f.actionId },
    );
    expect(row!.n).toBe(50);
  });
});

describe('audit trail', () => {
  it('records each change once, newest first, with who and before/after; failures none', async () => {
    const created = await createAction(
      { state: 'SVN', recommendationIds: [svn[0]] },
      headers.COMMITTEE,
    );
    await updateAction(
      { id: created.id, expectedVersion: 1, status: 'IN_PROGRESS' },
      headers.COMMITTEE,
    );
    // Two failures: a stale version and a foreign committee.
    expect(
      (
        await updateAction(
          { id: created.id, expectedVersion: 1, status: 'BLOCKED' },
          headers.COMMITTEE,
        )
      ).typename,
    ).toBe('VersionConflictError');
    expect(
      (
        await updateAction(
          { id: created.id, expectedVersion: 2, status: 'BLOCKED' },
          headers.HRV_COMMITTEE,
        )
      ).typename,
    ).toBe('NotFoundError');
    await addProgress({ actionId: created.id! }, headers.COMMITTEE);
    await mutate(
      'deleteFollowUpAction',
      'id: $id, expectedVersion: $version',
      '... on FollowUpAction { id }',
      { id: created.id, version: 2 },
      headers.COMMITTEE,
    );
    const trail = await t.execute<{
      auditTrail: {
        operation: string;
        actor: string;
        role: string;
        before: string | null;
        after: string | null;
        at: string;
      }[];
    }>(
      'query ($id: ID!) { auditTrail(entityId: $id) { operation actor role before after at } }',
      { id: created.id },
      headers.ANALYST,
    );
    const events = trail.data!.auditTrail;
    console.info(
      `audit trail of one action:\n${events.map((e) => `${e.at} ${e.actor} ${e.operation} before=${e.before?.slice(0, 60) ?? 'null'} after=${e.after?.slice(0, 60) ?? 'null'}`).join('\n')}`,
    );
    expect(events.map((e) => e.operation)).toEqual([
      'DELETE_FOLLOW_UP_ACTION',
      'ADD_PROGRESS_UPDATE',
      'UPDATE_FOLLOW_UP_ACTION',
      'CREATE_FOLLOW_UP_ACTION',
    ]);
    expect(events.every((e) => e.actor === `${RUN}-COMMITTEE` && e.role === 'COMMITTEE')).toBe(
      true,
    );
    const update = events[2]!;
    expect(JSON.parse(update.before!)).toMatchObject({ status: 'PLANNED', version: 1 });
    expect(JSON.parse(update.after!)).toMatchObject({ status: 'IN_PROGRESS', version: 2 });
    // The deletion keeps what was deleted, progress included.
    expect(JSON.parse(events[0]!.before!)).toMatchObject({
      id: created.id!.replace('FollowUpAction:', ''),
      progressUpdates: [{ note: `${RUN} progress` }],
    });
    expect(events[0]!.after).toBeNull();
  });
});

describe('assessments and deadlines', () => {
  it('keeps the native grade and maps it onto the common scale; rejects unknown grades', async () => {
    const ok = await mutate(
      'recordAssessment',
      'input: $assessment',
      '... on Assessment { grade commonGrade scale }',
      {
        assessment: {
          recommendationId: hrv[0],
          assessorKind: 'MECHANISM',
          assessor: `${RUN} CCPR`,
          scale: 'ccpr_legacy',
          grade: 'B2',
          date: '2019-07-01',
        },
      },
      headers.REVIEWER,
    );
    expect(ok).toMatchObject({
      typename: 'Assessment',
      grade: 'B2',
      commonGrade: 'PARTIALLY_IMPLEMENTED',
      scale: 'CCPR_LEGACY',
    });
    const bad = await mutate(
      'recordAssessment',
      'input: $assessment',
      '',
      {
        assessment: {
          recommendationId: hrv[0],
          assessorKind: 'MECHANISM',
          assessor: `${RUN} CCPR`,
          scale: 'CCPR',
          grade: 'B1',
          date: '2019-07-01',
        },
      },
      headers.REVIEWER,
    );
    expect(bad.typename).toBe('InvalidInputError');
    const read = await t.execute<{ node: { assessments: { grade: string }[] } }>(
      'query ($id: ID!) { node(id: $id) { ... on Recommendation { assessments { grade } } } }',
      { id: `Recommendation:${hrv[0]}` },
    );
    expect(read.data!.node.assessments.map((a) => a.grade)).toContain('B2');
  });

  it('gives a UPR recommendation its mid-term report and next review from the rules table', async () => {
    const response = await t.execute<{
      node: {
        deadlines: { kind: string; dueDate: string; basisDate: string; approximate: boolean }[];
      };
    }>(
      'query { node(id: "Recommendation:A/HRC/28/15#115.18") { ... on Recommendation { deadlines { kind dueDate basisDate approximate } nextDeadline { kind } } } }',
    );
    expect(response.errors).toBeUndefined();
    const deadlines = response.data!.node.deadlines;
    expect(deadlines.map((d) => d.kind)).toEqual(['MID_TERM_REPORT', 'NEXT_REVIEW']);
    // Only the year of the review is known (2014, session 20): counted from 30 June, flagged.
    expect(deadlines.map((d) => [d.basisDate, d.approximate, d.dueDate])).toEqual([
      ['2014-06-30', true, '2016-12-30'],
      ['2014-06-30', true, '2018-12-30'],
    ]);
  });
});

describe("the committee's report", () => {
  it('exports the demo Slovenia follow-up as Markdown, CSV and XLSX (API and CLI)', async () => {
    const query = `query ($f: ReportFormat!) { followUpReport(state: "svn", format: $f) {
      filename contentType encoding content } }`;
    type Report = { followUpReport: { filename: string; encoding: string; content: string } };
    const md = (await t.execute<Report>(query, { f: 'MD' }, headers.ANALYST)).data!.followUpReport;
    expect(md.filename).toMatch(/^follow-up-SVN-\d{4}-\d{2}-\d{2}\.md$/);
    expect(md.content).toContain("Guarantee the Human Rights Ombudsman's financial independence");
    expect(md.content).toContain('## Cluster 1:');
    expect(md.content).toContain('Amendment in inter-ministerial consultation.');
    // Anonymous readers get the public report, without the progress notes.
    const publicMd = (await t.execute<Report>(query, { f: 'MD' })).data!.followUpReport;
    expect(publicMd.content).toContain('Progress notes are not shown');
    expect(publicMd.content).not.toContain('Amendment in inter-ministerial consultation.');

    const csv = (await t.execute<Report>(query, { f: 'CSV' }, headers.ANALYST)).data!
      .followUpReport;
    const rows = parse<{
      recommendation_id: string;
      actions: string;
      agencies: string;
    }>(csv.content, { columns: true });
    const [count] = await t.db.read<{ n: number }>(
      "MATCH (r:Recommendation {state: 'SVN'}) RETURN count(r) AS n",
    );
    expect(rows).toHaveLength(count!.n);
    const ombudsman = rows.find((r) => r.recommendation_id === 'A/HRC/59/15#140.18')!;
    expect(ombudsman.actions).toMatch(
      /Ombudsman's financial independence \(IN_PROGRESS, due 2027-06-30\)/,
    );
    expect(ombudsman.agencies).toBe('Human Rights Ombudsman; Ministry of Finance');

    const xlsx = (await t.execute<Report>(query, { f: 'XLSX' }, headers.ANALYST)).data!
      .followUpReport;
    expect(xlsx.encoding).toBe('base64');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.content, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('Recommendation');
    expect(sheet.rowCount).toBe(count!.n + 1);

    const out = `${scope.dir}/report.csv`;
    await exportFollowUpCommand(t.db, { state: 'SVN', format: 'csv', out });
    expect(parse<unknown>(fs.readFileSync(out, 'utf8'), { columns: true }).length).toBe(count!.n);
  });
});
