/**
 * What the exact identity cannot join across UPR Info and the Working Group report is linked by
 * SAME_AS, inside its review and recommending state; a reviewer's decision on a link is kept.
 */
import { describe, expect, it } from 'vitest';
import { signToken } from '../../../src/auth/viewer.ts';
import { matchCrossSource, runImport } from '../../../src/features/imports/index.ts';
import { JWT_SECRET } from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';
import { useSourceFiles } from '../../helpers/imports.ts';
import { uniqueId } from '../../helpers/factories.ts';

const RUN = uniqueId('src-');
const t = useTestApp({ auth: { jwtSecret: JWT_SECRET } });
const { copy } = useSourceFiles(t);

describe('matching UPR Info and Working Group report recommendations', () => {
  it('links by SAME_AS what the wording alone cannot join, inside its review and recommending state', async () => {
    const imported = await runImport(t, {
      files: [copy('upr-info-sample.csv'), copy('upr-report-sample.csv')],
    });
    // An import of UPR files ends by matching (the summary says what it found) ...
    expect(imported.crossSource).toEqual({ compared: 4, linked: 3 });
    // ... and matching can run on its own.
    const result = await matchCrossSource(t);
    const links = await t.db.read<{ from: string; to: string; status: string; method: string }>(
      `MATCH (a:Recommendation)-[s:SAME_AS]->(b:Recommendation) WHERE a.id STARTS WITH 'UPR/DZA/c1#'
       RETURN a.text AS from, b.text AS to, s.status AS status, s.method AS method ORDER BY from`,
    );
    expect(links).toEqual([
      {
        from: 'Continue a dialogue with minority religions',
        to: 'That Algeria continue a dialogue with minority religions',
        status: 'SUGGESTED',
        method: 'block-token-overlap',
      },
      {
        from: 'Review domestic legislation to criminalize domestic violence.',
        to: expect.stringMatching(
          /^That Algeria take measures for the prevention of torture/,
        ) as unknown,
        status: 'SUGGESTED',
        method: 'block-token-overlap',
      },
      {
        from: 'Take measures for the prevention of torture and other cruel, inhuman and degrading treatment.',
        to: expect.stringMatching(
          /^That Algeria take measures for the prevention of torture/,
        ) as unknown,
        status: 'SUGGESTED',
        method: 'block-token-overlap',
      },
    ]);
    // "Strengthen the independence of the judiciary" has no counterpart: decided, not linked.
    expect(result.decisions.filter((d) => d.from.startsWith('UPR/DZA/c1#'))).toHaveLength(4);
    // Both ends show the link through GraphQL, with its evidence.
    const [religions] = await t.db.read<{ id: string }>(
      `MATCH (r:Recommendation) WHERE r.id STARTS WITH 'UPR/DZA/c1#' AND r.text STARTS WITH 'Continue a dialogue'
       RETURN r.id AS id`,
    );
    const response = await t.execute<{
      recommendation: {
        sameAs: {
          status: string;
          score: number;
          sharedTerms: string[];
          recommendation: {
            text: string;
            paragraph: string;
            sameAs: { recommendation: { stableId: string } }[];
          };
        }[];
      };
    }>(
      `query ($id: ID!) { recommendation(id: $id) { sameAs { status score sharedTerms
         recommendation { text paragraph sameAs { recommendation { stableId } } } } } }`,
      { id: religions!.id },
    );
    expect(response.errors).toBeUndefined();
    const [link] = response.data!.recommendation.sameAs;
    expect(link).toMatchObject({
      status: 'SUGGESTED',
      recommendation: {
        paragraph: '69.6',
        sameAs: [{ recommendation: { stableId: religions!.id } }],
      },
    });
    expect(link!.sharedTerms).toEqual(
      expect.arrayContaining(['dialogue', 'minority', 'religions']),
    );
    expect(link!.score).toBeGreaterThan(0.8);

    // Running it again changes nothing.
    await matchCrossSource(t);
    const [linked] = await t.db.read<{ count: number }>(
      `MATCH (a:Recommendation)-[s:SAME_AS]->() WHERE a.id STARTS WITH 'UPR/DZA/c1#' RETURN count(s) AS count`,
    );
    expect(linked?.count).toBe(3);

    // A reviewer rejects the link; anonymous callers may not; matching again keeps the decision,
    // and the audit trail has the one decision.
    const review = `mutation ($a: ID!, $b: ID!, $note: String) {
      reviewSameAs(recommendationId: $a, otherId: $b, decision: REJECTED, note: $note) {
        __typename ... on Error { message } ... on SameAsLink { status reviewedBy reviewNote } } }`;
    const other = link!.recommendation.paragraph;
    const [otherId] = await t.db.read<{ id: string }>(
      `MATCH (r:Recommendation {paragraph: $p}) WHERE r.id STARTS WITH 'UPR/DZA/c1#' RETURN r.id AS id`,
      { p: other },
    );
    const vars = { a: `Recommendation:${otherId!.id}`, b: religions!.id, note: 'different asks' };
    type Review = { reviewSameAs: { __typename: string; status?: string; reviewedBy?: string } };
    const anonymous = await t.execute<Review>(review, vars);
    expect(anonymous.data!.reviewSameAs.__typename).toBe('ForbiddenError');
    const token = await signToken({
      secret: JWT_SECRET,
      role: 'REVIEWER',
      name: `${RUN}-reviewer`,
    });
    const reviewer = { authorization: `Bearer ${token}` };
    const decided = await t.execute<Review>(review, vars, reviewer);
    expect(decided.data!.reviewSameAs).toEqual({
      __typename: 'SameAsLink',
      status: 'REJECTED',
      reviewedBy: `${RUN}-reviewer`,
      reviewNote: 'different asks',
    });
    const missing = await t.execute<Review>(review, { ...vars, b: 'UPR/DZA/c1#no-such' }, reviewer);
    expect(missing.data!.reviewSameAs.__typename).toBe('NotFoundError');
    await matchCrossSource(t);
    const [kept] = await t.db.read<{ status: string }>(
      `MATCH (:Recommendation {id: $a})-[s:SAME_AS]-(:Recommendation {id: $b}) RETURN s.status AS status`,
      { a: otherId!.id, b: religions!.id },
    );
    expect(kept?.status).toBe('REJECTED');
    const trail = await t.execute<{ auditTrail: { operation: string; actor: string }[] }>(
      'query ($id: ID!) { auditTrail(entityId: $id) { operation actor } }',
      { id: JSON.stringify([otherId!.id, religions!.id].sort()) },
      reviewer,
    );
    expect(trail.data!.auditTrail).toEqual([
      { operation: 'REVIEW_SAME_AS', actor: `${RUN}-reviewer` },
    ]);
    await t.db.write('MATCH (e:AuditEvent) WHERE e.actor = $actor DELETE e', {
      actor: `${RUN}-reviewer`,
    });
  });
});
