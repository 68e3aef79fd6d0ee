/**
 * Overlap clusters: the connected components of the links strong enough to cluster, with the
 * mechanisms and years they span. Pure; the services pass what they build to the repository.
 */
import { createHash } from 'node:crypto';
import type {
  ClusterBuilder,
  ClusterGrowth,
  ClusterRow,
  TouchedCluster,
} from './overlap.repository.ts';

/**
 * An incremental run's clusters. Its new links join recommendations that were in no cluster and
 * stored clusters (each already connected, so it counts as one node here). Each component that
 * changed grows its largest stored cluster, which keeps its id and absorbs the others, or
 * becomes a new cluster; only the joining recommendations and the absorbed clusters' members
 * are written, not the whole cluster again.
 */
export function growClusters(
  touched: readonly TouchedCluster[],
  live: readonly { a: string; b: string }[],
  docs: readonly { id: string; mechanism: string; year: number | null }[],
): ClusterGrowth[] {
  const clusterOfRec = new Map<string, TouchedCluster>();
  for (const c of touched) for (const id of c.holds) clusterOfRec.set(id, c);
  const byCluster = new Map(touched.map((c) => [c.id, c]));
  // Node names: "c" + cluster id for a clustered recommendation, "r" + id otherwise.
  const node = (id: string) => {
    const c = clusterOfRec.get(id);
    return c ? `c${c.id}` : `r${id}`;
  };
  const byId = new Map(docs.map((d) => [d.id, d]));
  const growths: ClusterGrowth[] = [];
  for (const component of components(live.map((l) => ({ a: node(l.a), b: node(l.b) })))) {
    const stored = component
      .filter((n) => n.startsWith('c'))
      .map((n) => byCluster.get(n.slice(1))!)
      .sort((x, y) => y.size - x.size || (x.id < y.id ? -1 : 1));
    const joining = component.filter((n) => n.startsWith('r')).map((n) => n.slice(1));
    if (joining.length === 0 && stored.length < 2) continue; // nothing changed
    const span = spanOf(joining.map((id) => byId.get(id)));
    const mechanisms = new Set([...span.mechanisms, ...stored.flatMap((c) => c.mechanisms)]);
    const years = new Set([...span.years, ...stored.flatMap((c) => c.years)]);
    growths.push({
      id: stored[0]?.id ?? clusterId(joining.sort()[0]!),
      absorb: stored.slice(1).map((c) => c.id),
      members: joining,
      size: stored.reduce((n, c) => n + c.size, joining.length),
      ...spanned([...mechanisms], [...years]),
    });
  }
  return growths;
}

/**
 * Connected components of the links (union-find), as clusters with the mechanisms and years they
 * span. A cluster's id is derived from its smallest member, so it stays put while it grows.
 */
export function clustersOf(
  links: readonly { a: string; b: string }[],
  docs: readonly { id: string; mechanism: string; year: number | null }[],
): ClusterRow[] {
  const byId = new Map(docs.map((d) => [d.id, d]));
  return components(links).map((members) => {
    members.sort();
    const { mechanisms, years } = spanOf(members.map((id) => byId.get(id)));
    return { id: clusterId(members[0]!), members, ...spanned(mechanisms, years) };
  });
}

/** A new cluster's id, from its smallest member. */
const clusterId = (smallest: string) =>
  `cluster:${createHash('sha1').update(smallest).digest('hex').slice(0, 16)}`;

/** The connected components of a graph given by its edges (union-find), as lists of nodes. */
function components(edges: readonly { a: string; b: string }[]): string[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    for (let y = x; parent.get(y) !== root;) {
      const next = parent.get(y)!;
      parent.set(y, root);
      y = next;
    }
    return root;
  };
  for (const { a, b } of edges) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    const list = groups.get(root);
    if (list) list.push(id);
    else groups.set(root, [id]);
  }
  return [...groups.values()];
}

/** The mechanisms and years some recommendations span, sorted. */
function spanOf(docs: readonly ({ mechanism: string; year: number | null } | undefined)[]) {
  return {
    mechanisms: [...new Set(docs.map((d) => d?.mechanism).filter((m) => m != null))],
    years: [...new Set(docs.map((d) => d?.year).filter((y): y is number => y != null))],
  };
}

function spanned(mechanisms: readonly string[], years: readonly number[]) {
  const sortedYears = [...years].sort((x, y) => x - y);
  return {
    mechanisms: [...mechanisms].sort(),
    years: sortedYears,
    firstYear: sortedYears[0] ?? null,
    lastYear: sortedYears.at(-1) ?? null,
  };
}

/** Clusters from stored links that carry their ends' mechanism and year. */
export const buildClusters: ClusterBuilder = (links) =>
  clustersOf(
    links,
    links.flatMap((l) => [
      { id: l.a, mechanism: l.aMechanism, year: l.aYear },
      { id: l.b, mechanism: l.bMechanism, year: l.bYear },
    ]),
  );
