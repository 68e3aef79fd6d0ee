/**
 * Bad follow-up input gets a typed error and writes nothing: bad fields, states that do not
 * exist, recommendations of another state (refused exactly as missing ones).
 */
import { describe, expect, it } from 'vitest';
import { useFollowUps } from '../../helpers/follow-ups.ts';

const { t, RUN, hrv, headers, createAction, createAgency, countAudit } = useFollowUps();

describe('invalid follow-up input', () => {
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
});
