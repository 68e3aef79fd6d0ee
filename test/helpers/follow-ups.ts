/**
 * Follow-up through GraphQL: the setup the follow-up tests share, and the mutations they run.
 *
 * Each test file imports four recommendations of its own (two to Slovenia, two to Croatia) and
 * signs a token per role, Slovenia's committee among them; every object it creates is named with
 * a prefix unique to the file and removed afterwards (the demo follow-up is left as it is).
 */
import { beforeAll, afterAll, expect } from 'vitest';
import type { SignedRole } from '../../src/auth/viewer.ts';
import { runImport } from '../../src/features/imports/index.ts';
import { bearer, JWT_SECRET } from './auth.ts';
import { useTestApp } from './create-test-app.ts';
import { uniqueId } from './factories.ts';
import { importScope, type Scope } from './imports.ts';

export type Headers = Record<string, string>;
export const ROLES = ['ANONYMOUS', 'ANALYST', 'REVIEWER', 'COMMITTEE', 'ADMIN'] as const;
export type TestRole = (typeof ROLES)[number];

export interface Result {
  readonly typename: string;
  readonly message?: string;
  readonly id?: string;
  readonly version?: number;
  readonly currentVersion?: number;
  readonly title?: string;
  readonly [key: string]: unknown;
}

/** An agency, an action (with one of the state's recommendations) and an indicator. */
export interface Fixture {
  readonly state: 'SVN' | 'HRV';
  readonly agencyId: string;
  readonly actionId: string;
  readonly indicatorId: string;
  readonly recommendationId: string;
}

const ERROR = '... on Error { message code }';

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

/** What each mutation returns when it succeeds. */
export const SUCCESS: Record<string, string> = {
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
export function expected(mutation: string, role: TestRole, target: 'own' | 'other'): string {
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

/**
 * The app, the file's recommendations and tokens (from its beforeAll on), and the mutations run
 * through them; everything the file created is removed after its tests.
 */
export function useFollowUps() {
  const t = useTestApp({ auth: { jwtSecret: JWT_SECRET } });
  const RUN = uniqueId('fu-');
  let scope: Scope | undefined;
  /** Slovenia's two recommendations, then Croatia's. */
  const svn: string[] = [];
  const hrv: string[] = [];
  /** Request headers per role; COMMITTEE is Slovenia's committee. */
  const headers = {} as Record<TestRole | 'HRV_COMMITTEE', Headers>;

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
  async function fixture(state: 'SVN' | 'HRV'): Promise<Fixture> {
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
    createAgency: (f, who) =>
      createAgency({ state: f.state, name: uniqueId(`${RUN} agency `) }, who),
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

  /** Audit entries written by this file's tokens. */
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
    await t.db.write('MATCH (g:Agency) WHERE g.name STARTS WITH $run DETACH DELETE g', {
      run: RUN,
    });
    await t.db.write('MATCH (s:Assessment) WHERE s.assessor STARTS WITH $run DETACH DELETE s', {
      run: RUN,
    });
    await t.db.write('MATCH (e:AuditEvent) WHERE e.actor STARTS WITH $run DELETE e', {
      run: RUN,
    });
  }

  beforeAll(async () => {
    scope = importScope();
    // Lines 1 and 3 are addressed to Slovenia, 2 and 4 to Croatia.
    const file = scope.file(
      'recs.ndjson',
      [1, 2, 3, 4].map((n) => scope!.ndjsonLine(n)).join('\n'),
    );
    const imported = await runImport({ db: t.db }, { files: [file], format: 'ndjson' });
    expect(imported.created).toBe(4);
    const ids = await t.db.read<{ id: string; state: string }>(
      'MATCH (r:Recommendation {mechanism: $m}) RETURN r.id AS id, r.state AS state ORDER BY id',
      { m: scope.mechanism },
    );
    svn.push(...ids.filter((r) => r.state === 'SVN').map((r) => r.id));
    hrv.push(...ids.filter((r) => r.state === 'HRV').map((r) => r.id));
    const tokenFor = (role: SignedRole, states: string[] = []) =>
      bearer(role, `${RUN}-${role}`, states);
    headers.ANONYMOUS = {};
    headers.ANALYST = await tokenFor('ANALYST');
    headers.REVIEWER = await tokenFor('REVIEWER');
    headers.COMMITTEE = await tokenFor('COMMITTEE', ['SVN']);
    headers.ADMIN = await tokenFor('ADMIN');
    headers.HRV_COMMITTEE = await tokenFor('COMMITTEE', ['HRV']);
  });

  afterAll(async () => {
    await cleanup();
    await scope?.cleanup(t.db);
  });

  return {
    t,
    RUN,
    svn,
    hrv,
    headers,
    /** The directory of the file's own import scope (for files a test writes). */
    scopeDir: () => scope!.dir,
    mutate,
    createAction,
    updateAction,
    createAgency,
    fixture,
    addProgress,
    MUTATIONS,
    countAudit,
  };
}
