/**
 * `npm run eval:overlaps [-- --set overlap-dev|overlap-dev-crossmech] [--lexical] [--errors]
 * [--no-retrieval] [--recommendations <jsonl> --pairs <csv>]`: overlap detection against labelled
 * pairs, as a user runs it. For each set (default both development sets), its recommendations are
 * imported (canonical NDJSON) into a fresh, isolated embedded store, `detectOverlaps({ full })`
 * runs, and the stored links are scored against the pairs: a pair counts as predicted when an
 * OVERLAPS link joins the two, in either direction. Prints precision, recall and F1 for SAME+PARTIAL
 * (positive) against RELATED+UNRELATED, overall, per pair of mechanism kinds and per language
 * pair; the clusters (the share of labelled pairs whose two ends share a cluster, by label); and
 * retrieval through the GraphQL API: every record with a positive partner is a query,
 * `similarRecommendations(text, state, first: 11)` as a user calls it (the record itself left out
 * of the 11), recall@10 and MRR against its positive partners, by query language.
 *
 * `--lexical` runs without the embedding model (lexical-only mode). The last line is the JSON of
 * every figure.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { runImport } from '../src/features/imports/index.ts';
import { detectOverlaps, exportCsvRows } from '../src/features/overlaps/index.ts';
import { embedderStatus, setEmbedderForTesting } from '../src/features/embeddings/index.ts';
import { createApp } from '../src/server/app.ts';
import { benchLogger, freshStore, SHARED_DATA } from '../bench/support.ts';

const POSITIVE = new Set(['SAME', 'PARTIAL']);
const NEGATIVE = new Set(['RELATED', 'UNRELATED']);

const { values } = parseArgs({
  options: {
    set: { type: 'string', multiple: true },
    recommendations: { type: 'string' },
    pairs: { type: 'string' },
    lexical: { type: 'boolean', default: false },
    errors: { type: 'boolean', default: false },
    'no-retrieval': { type: 'boolean', default: false },
    /** Write each retrieval query's ranking (ids, texts, labels) as JSON lines, for reading. */
    'dump-retrieval': { type: 'string' },
  },
});

interface Rec {
  id: string;
  state: string;
  text: string;
  language: string;
  mechanismKind?: string;
  mechanism: string;
}
interface Pair {
  a_id: string;
  b_id: string;
  label: string;
}

type Counts = { tp: number; fp: number; fn: number; pairs: number };
const newCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0, pairs: 0 });
const figures = (c: Counts) => {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { pairs: c.pairs, precision: r(precision), recall: r(recall), f1: r(f1) };
};

const KIND_OF_MECHANISM: Record<string, string> = {
  UPR: 'UPR',
  MESECVI: 'REGIONAL',
  IACHR: 'REGIONAL',
  GREVIO: 'REGIONAL',
};
const kindOf = (r: Rec) =>
  r.mechanismKind ??
  KIND_OF_MECHANISM[r.mechanism] ??
  (r.mechanism.startsWith('SP') ? 'SPECIAL_PROCEDURE' : 'TREATY_BODY');

async function evaluate(name: string, recommendations: string, pairsFile: string) {
  const records = new Map<string, Rec>();
  for (const line of fs.readFileSync(recommendations, 'utf8').split('\n')) {
    if (line.trim()) {
      const r = JSON.parse(line) as Rec;
      records.set(r.id, r);
    }
  }
  const pairs = parse<Pair>(fs.readFileSync(pairsFile), { columns: true, skip_empty_lines: true });
  const store = await freshStore('recgraph-eval-overlaps-');
  try {
    const imported = await runImport(
      { db: store.db },
      { files: [recommendations], format: 'ndjson' },
    );
    const summary = await detectOverlaps({ db: store.db }, { full: true });
    console.log(
      `\n== ${name}: imported ${imported.created}; ${summary.links} links stored, ${summary.clusters} clusters, ${summary.candidates} candidate pairs; embedding ${summary.embedding ? `${summary.embedding.embedded} texts in ${(summary.embedding.modelMs / 1000).toFixed(1)} s, ${summary.embedding.reused} from the cache` : 'off (lexical-only)'}; detection ${(summary.ms / 1000).toFixed(1)} s`,
    );
    const links = new Map<string, { kind: string; score: number }>();
    for (const row of await exportCsvRows({ db: store.db })) {
      links.set(`${row.a_id}\u0000${row.b_id}`, row);
      links.set(`${row.b_id}\u0000${row.a_id}`, row);
    }
    const clusterOf = new Map(
      (
        await store.db.read<{ id: string; cluster: string }>(
          'MATCH (c:OverlapCluster)-[:HAS_MEMBER]->(r:Recommendation) RETURN r.id AS id, c.id AS cluster',
        )
      ).map((r) => [r.id, r.cluster]),
    );
    const all = newCounts();
    const byKind = new Map<string, Counts>();
    const byLanguage = new Map<string, Counts>();
    const together = new Map<string, { pairs: number; together: number }>();
    for (const pair of pairs) {
      const a = records.get(pair.a_id)!;
      const b = records.get(pair.b_id)!;
      const link = links.get(`${pair.a_id}\u0000${pair.b_id}`);
      const kinds = [kindOf(a), kindOf(b)].sort().join('-');
      const languages = [a.language, b.language].sort().reverse().join('-');
      for (const c of [
        all,
        byKind.get(kinds) ?? byKind.set(kinds, newCounts()).get(kinds)!,
        byLanguage.get(languages) ?? byLanguage.set(languages, newCounts()).get(languages)!,
      ]) {
        c.pairs++;
        if (POSITIVE.has(pair.label)) {
          if (link) c.tp++;
          else c.fn++;
        } else if (NEGATIVE.has(pair.label) && link) c.fp++;
      }
      const t = together.get(pair.label) ?? { pairs: 0, together: 0 };
      t.pairs++;
      const ca = clusterOf.get(pair.a_id);
      if (ca && ca === clusterOf.get(pair.b_id)) t.together++;
      together.set(pair.label, t);
      if (values.errors && POSITIVE.has(pair.label) !== Boolean(link)) {
        console.log(
          `  ${link ? 'FP' : 'FN'} ${pair.label} ${pair.a_id} ${pair.b_id} ${link?.score ?? ''}`,
        );
      }
    }
    const overall = figures(all);
    console.log(
      `precision=${overall.precision.toFixed(3)} recall=${overall.recall.toFixed(3)} f1=${overall.f1.toFixed(3)} (${overall.pairs} pairs)`,
    );
    const table = (title: string, m: Map<string, Counts>) => {
      console.log(`${title.padEnd(26)} pairs  precision  recall   f1`);
      const out: Record<string, ReturnType<typeof figures>> = {};
      for (const [k, c] of [...m].sort((x, y) => y[1].pairs - x[1].pairs)) {
        const f = (out[k] = figures(c));
        console.log(
          `${k.padEnd(26)} ${String(f.pairs).padStart(5)}  ${f.precision.toFixed(3).padStart(9)}  ${f.recall.toFixed(3).padStart(6)}  ${f.f1.toFixed(3)}`,
        );
      }
      return out;
    };
    const kinds = table('mechanism kinds', byKind);
    const languages = table('languages', byLanguage);
    console.log('clusters: labelled pairs whose two ends share a cluster');
    const clusters: Record<string, unknown> = {};
    for (const [label, t] of [...together].sort()) {
      clusters[label] = {
        pairs: t.pairs,
        together: t.together,
        share: Math.round((1000 * t.together) / t.pairs) / 1000,
      };
      console.log(
        `  ${label.padEnd(10)} ${t.together}/${t.pairs} (${((100 * t.together) / t.pairs).toFixed(1)}%)`,
      );
    }
    const negatives = [...together]
      .filter(([l]) => NEGATIVE.has(l))
      .reduce((s, [, t]) => ({ pairs: s.pairs + t.pairs, together: s.together + t.together }), {
        pairs: 0,
        together: 0,
      });
    console.log(
      `  RELATED+UNRELATED in one cluster: ${negatives.together}/${negatives.pairs} (${((100 * negatives.together) / negatives.pairs).toFixed(1)}%)`,
    );
    const retrieval = values['no-retrieval'] ? null : await retrieve(store, records, pairs);
    return {
      set: name,
      links: summary.links,
      clusters: summary.clusters,
      overall,
      kinds,
      languages,
      clusterShares: clusters,
      retrieval,
    };
  } finally {
    await store.stop();
  }
}

/** Retrieval through the API, as a user calls it: the state's recommendations, top 10. */
async function retrieve(
  store: Awaited<ReturnType<typeof freshStore>>,
  records: Map<string, Rec>,
  pairs: Pair[],
) {
  const app = createApp({ driver: store.driver, database: 'neo4j', logger: benchLogger });
  const partners = new Map<string, Set<string>>();
  for (const p of pairs) {
    if (!POSITIVE.has(p.label)) continue;
    partners.set(p.a_id, (partners.get(p.a_id) ?? new Set()).add(p.b_id));
    partners.set(p.b_id, (partners.get(p.b_id) ?? new Set()).add(p.a_id));
  }
  const byLanguage = new Map<
    string,
    { queries: number; recall: number; rr: number; hit: number }
  >();
  for (const [id, relevant] of partners) {
    const q = records.get(id)!;
    const response = await app.fetch('http://eval/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'query($text: String!, $state: String) { similarRecommendations(text: $text, state: $state, first: 11) { recommendation { stableId } score } }',
        variables: { text: q.text, state: q.state },
      }),
    });
    const body = (await response.json()) as {
      data?: { similarRecommendations: { recommendation: { stableId: string } }[] };
      errors?: unknown;
    };
    if (!body.data)
      throw new Error(`similarRecommendations failed: ${JSON.stringify(body.errors)}`);
    const ranked = body.data.similarRecommendations
      .map((m) => m.recommendation.stableId)
      .filter((r) => r !== id)
      .slice(0, 10);
    if (values['dump-retrieval']) {
      const labels = new Map(
        pairs
          .filter((p) => p.a_id === id || p.b_id === id)
          .map((p) => [p.a_id === id ? p.b_id : p.a_id, p.label]),
      );
      fs.appendFileSync(
        values['dump-retrieval'],
        `${JSON.stringify({ query: id, language: q.language, text: q.text, ranked: ranked.map((r) => ({ id: r, label: labels.get(r) ?? null, text: records.get(r)?.text })) })}\n`,
      );
    }
    const found = ranked.filter((r) => relevant.has(r)).length;
    const first = ranked.findIndex((r) => relevant.has(r));
    const s = byLanguage.get(q.language) ?? { queries: 0, recall: 0, rr: 0, hit: 0 };
    s.queries++;
    s.recall += found / relevant.size;
    s.rr += first >= 0 ? 1 / (first + 1) : 0;
    s.hit += first >= 0 ? 1 : 0;
    byLanguage.set(q.language, s);
  }
  const out: Record<string, unknown> = {};
  console.log('retrieval (similarRecommendations, state, first 10):');
  for (const [language, s] of byLanguage) {
    const f = {
      queries: s.queries,
      recallAt10: Math.round((1000 * s.recall) / s.queries) / 1000,
      mrr: Math.round((1000 * s.rr) / s.queries) / 1000,
      hitAt10: Math.round((1000 * s.hit) / s.queries) / 1000,
    };
    out[language] = f;
    console.log(
      `  ${language} queries ${f.queries}: recall@10 ${f.recallAt10.toFixed(3)} MRR ${f.mrr.toFixed(3)} hit@10 ${f.hitAt10.toFixed(3)}`,
    );
  }
  return out;
}

if (values.lexical) setEmbedderForTesting({ available: false, reason: '--lexical' });
const mode = embedderStatus();
console.log(
  mode.available ? `embedding model: ${mode.embedder.model}` : `lexical-only mode: ${mode.reason}`,
);
const sets: [string, string, string][] =
  values.recommendations && values.pairs
    ? [[path.basename(path.dirname(values.recommendations)), values.recommendations, values.pairs]]
    : (values.set ?? ['overlap-dev', 'overlap-dev-crossmech']).map((s) => [
        s,
        path.join(SHARED_DATA, s, 'recommendations.jsonl'),
        path.join(SHARED_DATA, s, 'pairs.csv'),
      ]);
const results = [];
for (const [name, recs, pairsFile] of sets) results.push(await evaluate(name, recs, pairsFile));
console.log(
  JSON.stringify({
    mode: mode.available ? mode.embedder.model : 'lexical',
    host: os.hostname(),
    results,
  }),
);
