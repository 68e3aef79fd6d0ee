/**
 * `npm run bench:link-writes [-- --links N]`: how fast this machine's Neo4j can store OVERLAPS
 * relationships at all, as a floor for `bench:overlaps`. In a fresh store with 300k bare
 * Recommendation nodes, creates N relationships between random pairs (by id, in batches of
 * 5,000, two transactions at once as detection does): without properties; with the properties
 * detection stores; the same with both ends looked up by element id instead of the id index; the
 * same with a relationship index on the status (migration V0006 has one); and through MERGE.
 * An untimed first pass warms the page cache and the plans. `BENCH_NEO4J_PAGECACHE` sizes the
 * page cache (bench/support.ts).
 */
import { parseArgs } from 'node:util';
import { freshStore, random } from './support.ts';

const { values } = parseArgs({
  options: {
    links: { type: 'string', default: '1000000' },
    nodes: { type: 'string', default: '300000' },
  },
});
const total = Number(values.links);
const nodes = Number(values.nodes);
const BATCH = 5000;

const BY_ID = 'MATCH (a:Recommendation {id: l.a}) MATCH (b:Recommendation {id: l.b})';
/** Looked up by element id (as loaded), the id checked in case the node id was reused. */
const BY_ELEMENT_ID =
  'MATCH (a) WHERE elementId(a) = l.ea AND a.id = l.a MATCH (b) WHERE elementId(b) = l.eb AND b.id = l.b';
const PROPERTIES = `{status: 'SUGGESTED', score: l.score, kind: l.kind, methods: l.methods,
  jaccard: l.jaccard, containment: l.containment, sharedTerms: l.sharedTerms,
  signature: l.signature, detectorVersion: 'bench', detectedAt: datetime()}`;

interface Case {
  label: string;
  statement: string;
  before?: string;
}

const WITH_PROPERTIES: Case = {
  label: 'CREATE with the properties detection sets',
  statement: `UNWIND $links AS l ${BY_ID} CREATE (a)-[:OVERLAPS ${PROPERTIES}]->(b)`,
};

/**
 * The ways of storing the links, timed in this order; `before` runs untimed first (the index
 * one case creates, the next drops).
 */
const CASES: Case[] = [
  {
    label: 'CREATE, no properties',
    statement: `UNWIND $links AS l ${BY_ID} CREATE (a)-[:OVERLAPS]->(b)`,
  },
  WITH_PROPERTIES,
  {
    label: 'the same, ends by element id',
    statement: `UNWIND $links AS l ${BY_ELEMENT_ID} CREATE (a)-[:OVERLAPS ${PROPERTIES}]->(b)`,
  },
  {
    label: 'the same, with an OVERLAPS(status) index',
    statement: `UNWIND $links AS l ${BY_ID} CREATE (a)-[:OVERLAPS ${PROPERTIES}]->(b)`,
    before: 'CREATE INDEX bench_overlaps_status IF NOT EXISTS FOR ()-[o:OVERLAPS]-() ON (o.status)',
  },
  {
    label: 'MERGE with the same properties',
    statement: `UNWIND $links AS l ${BY_ID}
      MERGE (a)-[o:OVERLAPS]->(b) ON CREATE SET o.status = 'SUGGESTED'
      SET o.score = l.score, o.kind = l.kind, o.methods = l.methods, o.jaccard = l.jaccard,
        o.containment = l.containment, o.sharedTerms = l.sharedTerms, o.signature = l.signature,
        o.detectorVersion = 'bench', o.detectedAt = datetime()`,
    before: 'DROP INDEX bench_overlaps_status IF EXISTS',
  },
];

const store = await freshStore('recgraph-bench-links-');
try {
  await store.db.write(
    'CREATE CONSTRAINT bench_rec_id IF NOT EXISTS FOR (r:Recommendation) REQUIRE r.id IS UNIQUE',
  );
  for (let i = 0; i < nodes; i += 50_000) {
    await store.db.write(
      `UNWIND range($from, $to) AS n CREATE (:Recommendation {id: 'R' + toString(n)})`,
      { from: i, to: Math.min(nodes, i + 50_000) - 1 },
    );
  }
  const elementIds = new Map(
    (
      await store.db.read<{ id: string; e: string }>(
        'MATCH (r:Recommendation) RETURN r.id AS id, elementId(r) AS e',
      )
    ).map((r) => [r.id, r.e]),
  );
  const pick = random(7);
  const terms = [
    'ratifi',
    '@opcat',
    'tortur',
    'prevent',
    'mechan',
    'nation',
    'establish',
    'independ',
  ];
  const batches = Array.from({ length: Math.ceil(total / BATCH) }, () =>
    Array.from({ length: BATCH }, () => ({
      a: `R${Math.floor(pick() * nodes)}`,
      b: `R${Math.floor(pick() * nodes)}`,
      score: pick(),
      kind: 'PARTIAL',
      methods: ['LEXICAL', 'SIGNATURE'],
      jaccard: pick(),
      containment: pick(),
      sharedTerms: terms.slice(0, 1 + Math.floor(pick() * terms.length)),
      signature: 'same instrument OPCAT; both RATIFY',
    })).map((l) => ({ ...l, ea: elementIds.get(l.a), eb: elementIds.get(l.b) })),
  );
  // Untimed: a first pass warms the page cache and the query plans (the first case ran slower).
  for (const [k, { label, statement, before }] of [WITH_PROPERTIES, ...CASES].entries()) {
    if (before) {
      await store.db.write(before);
      await store.db.write('CALL db.awaitIndexes(300)');
    }
    for (let deleted = 1; deleted > 0;) {
      const [row] = await store.db.write<{ n: number }>(
        'MATCH ()-[o:OVERLAPS]->() WITH o LIMIT 50000 DELETE o RETURN count(*) AS n',
      );
      deleted = row?.n ?? 0;
    }
    const started = performance.now();
    const queue = [...batches];
    const worker = async () => {
      for (let links = queue.shift(); links; links = queue.shift()) {
        await store.db.transaction((tx) => tx.run(statement, { links }));
      }
    };
    await Promise.all([worker(), worker()]);
    const seconds = (performance.now() - started) / 1000;
    if (k === 0) continue; // the warm-up
    console.log(
      `${label.padEnd(42)} ${total} relationships in ${seconds.toFixed(1).padStart(5)} s: ${Math.round(total / seconds)} per second`,
    );
  }
} finally {
  await store.stop();
}
