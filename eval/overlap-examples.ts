/**
 * `npm run eval:overlap-examples`: imports the real UPR data (UPR Info and the UN reports,
 * 2008-2014) into an isolated embedded store, runs a full overlap detection, and prints what a
 * person needs to judge the links by reading them: seeded random samples of SAME and PARTIAL
 * links and of REPEATS across cycles, each with both texts and the evidence, then the
 * highest-scoring links between differently worded texts (where wrong links hide).
 *
 * Options: --seed N (sampling), --sample N (per kind, default 10), --top N (default 60),
 * --store DIR (keep the store there and reuse it on the next run instead of re-importing),
 * --detect (run a full detection on a reused store, e.g. after a detector change).
 */
import { parseArgs } from 'node:util';
import { random, uprStore } from '../bench/support.ts';

// Differently worded: the fingerprint part of textKey differs (textKey also holds the cycle).
const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '20261123' },
    sample: { type: 'string', default: '10' },
    top: { type: 'string', default: '60' },
    store: { type: 'string' },
    detect: { type: 'boolean', default: false },
  },
});

/** One end of a link as a Cypher map; `end('a')` reads node `a`. */
const end = (v: string) => `{id: ${v}.id, text: ${v}.text, cycle: ${v}.cycle, year: ${v}.year,
  mechanism: ${v}.mechanism, response: ${v}.response,
  by: [(${v})-[:RECOMMENDED_BY]->(s:State) | s.iso3]}`;
const LINK_FIELDS = `a.state AS state, o.score AS score, o.kind AS kind, o.methods AS methods,
  o.signature AS signature, o.sharedTerms AS sharedTerms,
  ${end('a')} AS a, ${end('b')} AS b`;

interface End {
  id: string;
  text: string;
  cycle: number | null;
  year: number | null;
  response: string | null;
  by: string[];
}
interface Example {
  state: string;
  score: number;
  kind?: string;
  basis?: string;
  methods?: string[];
  signature?: string | null;
  sharedTerms?: string[];
  a: End;
  b: End;
}

function print(title: string, examples: readonly Example[]): void {
  console.log(`\n## ${title}\n`);
  examples.forEach((e, n) => {
    const what = e.basis ? `REPEATS ${e.basis}` : `${e.kind} ${(e.methods ?? []).join('+')}`;
    console.log(`${n + 1}. ${e.state} · ${what} · score ${e.score.toFixed(3)}`);
    if (e.signature) console.log(`   signature: ${e.signature}`);
    if (e.sharedTerms) console.log(`   shared: ${e.sharedTerms.slice(0, 10).join(', ')}`);
    for (const [label, end] of [
      ['a', e.a],
      ['b', e.b],
    ] as const) {
      console.log(
        `   ${label}: ${end.id} (cycle ${end.cycle ?? '?'}, ${end.year ?? '?'}, by ${end.by.join('/') || '?'}, ${end.response ?? 'no response'})`,
      );
      console.log(`      "${end.text}"`);
    }
  });
}

function sample<T>(items: readonly T[], n: number, rand: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

async function main(): Promise<void> {
  const rand = random(Number(values.seed));
  const perKind = Number(values.sample);
  const store = await uprStore({
    dir: values.store,
    prefix: 'recgraph-overlap-examples-',
    detect: values.detect,
  });
  try {
    const counts = await store.db.read<{ kind: string; count: number }>(
      `MATCH ()-[o:OVERLAPS]->() RETURN o.kind AS kind, count(*) AS count ORDER BY kind`,
    );
    console.log(`links by kind: ${counts.map((c) => `${c.kind} ${c.count}`).join(', ')}`);

    // Differently worded pairs only: identical texts (the same recommendation in two sources,
    // or one text sent twice) are right by construction and teach nothing.
    for (const kind of ['SAME', 'PARTIAL']) {
      const ids = await store.db.read<{ a: string; b: string }>(
        `MATCH (a:Recommendation)-[o:OVERLAPS {kind: $kind}]->(b:Recommendation)
         WHERE last(split(a.textKey, '/')) <> last(split(b.textKey, '/')) RETURN a.id AS a, b.id AS b ORDER BY a, b`,
        { kind },
      );
      const picked = sample(ids, perKind, rand);
      const rows = await store.db.read<Example & Record<string, unknown>>(
        `UNWIND $picked AS p
         MATCH (a:Recommendation {id: p.a})-[o:OVERLAPS]->(b:Recommendation {id: p.b})
         RETURN ${LINK_FIELDS}`,
        { picked },
      );
      print(`${kind}: ${perKind} of ${ids.length} differently worded links, seeded sample`, rows);
    }

    const repeatIds = await store.db.read<{ a: string; b: string }>(
      `MATCH (a:Recommendation)-[x:REPEATS {basis: 'LATER_CYCLE'}]->(b:Recommendation)
       WHERE last(split(a.textKey, '/')) <> last(split(b.textKey, '/')) RETURN a.id AS a, b.id AS b ORDER BY a, b`,
    );
    const repeats = await store.db.read<Example & Record<string, unknown>>(
      `UNWIND $picked AS p
       MATCH (a:Recommendation {id: p.a})-[x:REPEATS]->(b:Recommendation {id: p.b})
       OPTIONAL MATCH (a)-[o:OVERLAPS]-(b)
       RETURN a.state AS state, x.score AS score, x.basis AS basis, o.signature AS signature,
              o.sharedTerms AS sharedTerms, ${end('a')} AS a, ${end('b')} AS b`,
      { picked: sample(repeatIds, perKind, rand) },
    );
    print(
      `REPEATS across cycles: ${perKind} of ${repeatIds.length} (later first), seeded sample`,
      repeats,
    );

    const top = await store.db.read<Example & Record<string, unknown>>(
      `MATCH (a:Recommendation)-[o:OVERLAPS]->(b:Recommendation)
       WHERE last(split(a.textKey, '/')) <> last(split(b.textKey, '/'))
       WITH a, o, b ORDER BY o.score DESC, a.id, b.id LIMIT toInteger($top)
       RETURN ${LINK_FIELDS}`,
      { top: Number(values.top) },
    );
    print(`The ${values.top} highest-scoring links between differently worded texts`, top);
  } finally {
    await store.stop();
  }
}

await main();
