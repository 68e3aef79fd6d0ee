/**
 * `npm run bench:link-writes [-- --links N]`: how fast this machine's Neo4j can store OVERLAPS
 * relationships at all, as a floor for `bench:overlaps`. In a fresh store with 300k bare
 * Recommendation nodes, creates N relationships between random pairs (by id, in batches of
 * 5,000, two transactions at once as detection does) three ways: without properties, with the
 * properties detection stores, and through MERGE instead of CREATE.
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

const STATEMENTS = {
  bare: `UNWIND $links AS l MATCH (a:Recommendation {id: l.a}) MATCH (b:Recommendation {id: l.b})
         CREATE (a)-[:OVERLAPS]->(b)`,
  'with properties': `UNWIND $links AS l MATCH (a:Recommendation {id: l.a}) MATCH (b:Recommendation {id: l.b})
         CREATE (a)-[:OVERLAPS {status: 'SUGGESTED', score: l.score, kind: l.kind, methods: l.methods,
           jaccard: l.jaccard, containment: l.containment, sharedTerms: l.sharedTerms,
           signature: l.signature, detectorVersion: 'bench', detectedAt: datetime()}]->(b)`,
  'MERGE with properties': `UNWIND $links AS l MATCH (a:Recommendation {id: l.a}) MATCH (b:Recommendation {id: l.b})
         MERGE (a)-[o:OVERLAPS]->(b) ON CREATE SET o.status = 'SUGGESTED'
         SET o.score = l.score, o.kind = l.kind, o.methods = l.methods, o.jaccard = l.jaccard,
           o.containment = l.containment, o.sharedTerms = l.sharedTerms, o.signature = l.signature,
           o.detectorVersion = 'bench', o.detectedAt = datetime()`,
} as const;

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
    })),
  );
  for (const [label, statement] of Object.entries(STATEMENTS)) {
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
    console.log(
      `${label.padEnd(22)} ${total} relationships in ${seconds.toFixed(1)} s: ${Math.round(total / seconds)} per second`,
    );
  }
} finally {
  await store.stop();
}
