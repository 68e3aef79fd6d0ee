/**
 * `recgraph export --format ndjson`: every recommendation as one canonical NDJSON line, in id
 * order, read a page at a time. Importing the output into an empty graph and exporting again gives
 * the same bytes.
 */
import type { DbContext } from '../../graphql/context.ts';
import { cypher } from '../../db/cypher.ts';

const PAGE = 1000;

interface ExportRow {
  recommendation: {
    id: string;
    text: string;
    language: string | null;
    date: string | null;
    year: number | null;
    documentSymbol: string | null;
    paragraph: string | null;
    cycle: number | null;
    session: number | null;
    response: string | null;
    recommendingStatesUnmatched: string[] | null;
  };
  mechanism: { code: string; kind: string; name: string };
  state: string;
  recommendingStates: string[];
  themes: { scheme: string; code: string; label: string }[];
  affectedPersons: { code: string; label: string }[];
  sdgGoals: string[];
  sdgTargets: string[];
  sources: ExportSource[];
}

interface ExportSource {
  dataset: string;
  id: string;
  actionCategory: number | null;
  notes: string | null;
}

/** A source as NDJSON writes it: the optional attributes only when the source has them. */
const sourceLine = ({ dataset, id, actionCategory, notes }: ExportSource) => ({
  dataset,
  id,
  ...(actionCategory !== null ? { actionCategory } : {}),
  ...(notes !== null ? { notes } : {}),
});

/** Yields NDJSON lines (without the newline), one recommendation each. */
export async function* exportNdjson({ db }: DbContext): AsyncGenerator<string> {
  let after: string | null = null;
  for (;;) {
    const rows: ExportRow[] = await db.read<ExportRow & Record<string, unknown>>(
      cypher('exports/find-recommendations-page'),
      {
        after,
        limit: PAGE,
      },
    );
    for (const row of rows) yield JSON.stringify(toLine(row));
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.recommendation.id;
  }
}

function toLine(row: ExportRow) {
  const r = row.recommendation;
  // The first source (by dataset and id) becomes `source`, the rest `sources`; import links both.
  const [source, ...otherSources] = row.sources.map(sourceLine);
  return {
    id: r.id,
    mechanism: row.mechanism.code,
    mechanismKind: row.mechanism.kind,
    mechanismName: row.mechanism.name,
    state: row.state,
    text: r.text,
    language: r.language,
    date: r.date,
    year: r.year,
    documentSymbol: r.documentSymbol,
    paragraph: r.paragraph,
    cycle: r.cycle,
    session: r.session,
    recommendingStates: [...row.recommendingStates, ...(r.recommendingStatesUnmatched ?? [])],
    response: r.response,
    themes: row.themes,
    affectedPersons: row.affectedPersons,
    sdgGoals: row.sdgGoals,
    sdgTargets: row.sdgTargets,
    source: source ?? null,
    ...(otherSources.length ? { sources: otherSources } : {}),
  };
}
