/**
 * Who may do what in follow-up: every mutation x role x own/other state (the authorisation
 * matrix); another state's objects denied exactly as missing ones, and their internal parts
 * hidden.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  expected,
  ROLES,
  SUCCESS,
  type Fixture,
  type Headers,
  type Result,
  useFollowUps,
} from '../../helpers/follow-ups.ts';

const { t, RUN, headers, fixture, addProgress, MUTATIONS, countAudit } = useFollowUps();

describe('authorization matrix', () => {
  const rows: string[] = [];
  afterAll(() => {
    // The matrix, for docs/follow-up.md (vitest prints it with --reporter=verbose).
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
