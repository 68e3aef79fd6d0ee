/**
 * Reviewing an overlap link: only reviewers (and the admin) may confirm or reject it, a rejection
 * splits its cluster, a full rebuild keeps the decision, and each decision is audited. Over the
 * overlap fixture with the later OP-CAT asks of the UPR (OVTEST/8) and CAT (OVTEST/9).
 */
import { describe, expect, it } from 'vitest';
import { detectOverlaps } from '../../../src/features/overlaps/index.ts';
import { bearer } from '../../helpers/auth.ts';
import {
  ADMIN_TOKEN,
  clusterQuery,
  LATER_OPCAT_ASKS,
  useOverlapFixture,
  type ClusterPage,
} from '../../helpers/overlaps.ts';

const { t, links } = useOverlapFixture(LATER_OPCAT_ASKS);
const asAdmin = { authorization: `Bearer ${ADMIN_TOKEN}` };

describe('review through GraphQL', () => {
  type Review = {
    reviewOverlap: {
      __typename: string;
      message?: string;
      id?: string;
      status?: string;
      reviewedBy?: string;
      reviewNote?: string;
    };
  };
  const review = `mutation ($id: ID!, $decision: OverlapDecision!, $note: String) {
      reviewOverlap(id: $id, decision: $decision, note: $note) {
        __typename
        ... on Error { message }
        ... on Overlap { id status reviewedBy reviewNote } } }`;
  const nhriLink = JSON.stringify(['OVTEST/4', 'OVTEST/5']);

  it('lets only a reviewer confirm or reject a link, and a rejection splits the cluster', async () => {
    // Anonymous: a typed Forbidden result, and nothing written.
    const anonymous = await t.execute<Review>(review, { id: nhriLink, decision: 'REJECTED' });
    expect(anonymous.data!.reviewOverlap.__typename).toBe('ForbiddenError');
    // A token that is not the admin's: 401 for the whole request.
    const wrong = await t.app.fetch('http://recgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-the-token' },
      body: JSON.stringify({ query: review, variables: { id: nhriLink, decision: 'REJECTED' } }),
    });
    expect(wrong.status).toBe(401);
    expect((await links()).find((l) => l.a === 'OVTEST/4')?.status).toBe('SUGGESTED');

    // The admin: malformed and unknown ids are typed errors.
    const malformed = await t.execute<Review>(
      review,
      { id: 'OVTEST/4', decision: 'CONFIRMED' },
      asAdmin,
    );
    expect(malformed.data!.reviewOverlap.__typename).toBe('InvalidInputError');
    const unknown = await t.execute<Review>(
      review,
      { id: JSON.stringify(['OVTEST/4', 'OVTEST/6']), decision: 'CONFIRMED' },
      asAdmin,
    );
    expect(unknown.data!.reviewOverlap.__typename).toBe('NotFoundError');

    // Rejecting the only NHRI link (ids given in either order) removes that cluster.
    const rejected = await t.execute<Review>(
      review,
      {
        id: JSON.stringify(['OVTEST/5', 'OVTEST/4']),
        decision: 'REJECTED',
        note: 'an NHRI vs a new one',
      },
      asAdmin,
    );
    expect(rejected.data!.reviewOverlap).toEqual({
      __typename: 'Overlap',
      id: nhriLink,
      status: 'REJECTED',
      reviewedBy: 'admin',
      reviewNote: 'an NHRI vs a new one',
    });
    const clusters = (await t.execute<ClusterPage>(clusterQuery, {})).data!.state.overlapClusters;
    expect(clusters.edges.map((e) => e.node.size)).toEqual([5]);

    // A committee's token may not review; a reviewer's may, and is recorded by name. Confirming
    // the link again brings the cluster back; a full rebuild keeps the decision.
    const committee = await t.execute<Review>(
      review,
      { id: nhriLink, decision: 'CONFIRMED' },
      await bearer('COMMITTEE', 'bra-committee', ['BRA']),
    );
    expect(committee.data!.reviewOverlap.__typename).toBe('ForbiddenError');
    const confirmed = await t.execute<Review>(
      review,
      { id: nhriLink, decision: 'CONFIRMED' },
      await bearer('REVIEWER', 'ana.reviewer', ['BRA']),
    );
    expect(confirmed.data!.reviewOverlap).toMatchObject({
      status: 'CONFIRMED',
      reviewedBy: 'ana.reviewer',
    });
    await detectOverlaps({ db: t.db }, { full: true });
    const kept = (await links()).find((l) => l.a === 'OVTEST/4');
    expect(kept?.status).toBe('CONFIRMED');
    const again = (await t.execute<ClusterPage>(clusterQuery, {})).data!.state.overlapClusters;
    expect(again.edges.map((e) => e.node.size)).toEqual([5, 2]);

    // Each decision left one audit entry (the refused attempts none), newest first.
    const trail = await t.execute<{
      auditTrail: { operation: string; actor: string; after: string }[];
    }>(
      'query ($id: ID!) { auditTrail(entityId: $id) { operation actor after } }',
      { id: nhriLink },
      asAdmin,
    );
    expect(
      trail.data!.auditTrail.map((e) => [
        e.operation,
        e.actor,
        (JSON.parse(e.after) as { status: string }).status,
      ]),
    ).toEqual([
      ['REVIEW_OVERLAP', 'ana.reviewer', 'CONFIRMED'],
      ['REVIEW_OVERLAP', 'admin', 'REJECTED'],
    ]);
  });
});
