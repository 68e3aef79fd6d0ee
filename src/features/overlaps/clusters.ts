/**
 * Overlap clusters that mean one ask: groups of a state's recommendations in which every two are
 * linked (a decided or confirmed overlap), grown greedily through the SAME-grade links, strongest
 * first (reviewer-confirmed ones before all others). A chain of links (A overlaps B, B overlaps C,
 * A and C do not) no longer puts different asks in one cluster, as connected components did
 * (docs/overlaps.md, "Clusters"). Pure; the services pass what they build to the repository.
 */
import { createHash } from 'node:crypto';
import type {
  ClusterBuilder,
  ClusterGrowth,
  ClusterRow,
  LiveLink,
  TouchedCluster,
} from './overlap.repository.ts';

type Doc = { id: string; mechanism: string; year: number | null };

const key = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** The links that may join clusters, in the order they are tried: confirmed, then strongest. */
function joiningOrder(links: readonly LiveLink[]): LiveLink[] {
  return links
    .filter((l) => l.joins)
    .sort(
      (x, y) =>
        Number(y.confirmed) - Number(x.confirmed) ||
        y.score - x.score ||
        (key(x.a, x.b) < key(y.a, y.b) ? -1 : 1),
    );
}

/** Whether every member of `x` is linked to every member of `y`. */
function allLinked(x: readonly string[], y: readonly string[], linked: ReadonlySet<string>) {
  for (const a of x) for (const b of y) if (!linked.has(key(a, b))) return false;
  return true;
}

/**
 * A full run's clusters, from all of a state's live links (`joins` on those that may join
 * clusters): each group's members all linked pairwise. A cluster's id is derived from its
 * smallest member.
 */
export function clustersOf(links: readonly LiveLink[], docs: readonly Doc[]): ClusterRow[] {
  const linked = new Set(links.map((l) => key(l.a, l.b)));
  const groupOf = new Map<string, string[]>();
  for (const l of joiningOrder(links)) {
    const x = groupOf.get(l.a) ?? [l.a];
    const y = groupOf.get(l.b) ?? [l.b];
    if (x === y || !allLinked(x, y, linked)) continue;
    const merged = [...x, ...y];
    for (const id of merged) groupOf.set(id, merged);
  }
  const byId = new Map(docs.map((d) => [d.id, d]));
  return [...new Set(groupOf.values())].map((members) => {
    members.sort();
    const { mechanisms, years } = spanOf(members.map((id) => byId.get(id)));
    return { id: clusterId(members[0]!), members, ...spanned(mechanisms, years) };
  });
}

/**
 * An incremental run's clusters. Its links (all of them involve a recommendation compared in this
 * run) grow the stored clusters they reach, or make new ones, under the same rule: a group joins
 * another only if all their members are linked. Only groups of which at most one holds
 * recommendations compared before are joined (the links between two such groups are not in this
 * run, and their members were compared already), so stored clusters never merge. Only the
 * joining recommendations are written, not the whole cluster again.
 */
export function growClusters(
  touched: readonly TouchedCluster[],
  live: readonly LiveLink[],
  docs: readonly Doc[],
  isNew: (id: string) => boolean,
): ClusterGrowth[] {
  const linked = new Set(live.map((l) => key(l.a, l.b)));
  type Group = { members: string[]; stored: TouchedCluster | null; old: boolean };
  const groupOf = new Map<string, Group>();
  for (const c of touched) {
    const group: Group = { members: [...c.members], stored: c, old: true };
    for (const id of c.members) groupOf.set(id, group);
  }
  const groupFor = (id: string): Group =>
    groupOf.get(id) ?? { members: [id], stored: null, old: !isNew(id) };
  for (const l of joiningOrder(live)) {
    const x = groupFor(l.a);
    const y = groupFor(l.b);
    if (x === y || (x.old && y.old) || !allLinked(x.members, y.members, linked)) continue;
    const merged: Group = {
      members: [...x.members, ...y.members],
      stored: x.stored ?? y.stored,
      old: x.old || y.old,
    };
    for (const id of merged.members) groupOf.set(id, merged);
  }
  const byId = new Map(docs.map((d) => [d.id, d]));
  const growths: ClusterGrowth[] = [];
  for (const group of new Set(groupOf.values())) {
    const stored = group.stored;
    const joining = group.members.filter((id) => !stored?.members.includes(id)).sort();
    if (joining.length === 0) continue; // nothing changed
    const span = spanOf(joining.map((id) => byId.get(id)));
    const mechanisms = new Set([...span.mechanisms, ...(stored?.mechanisms ?? [])]);
    const years = new Set([...span.years, ...(stored?.years ?? [])]);
    growths.push({
      id: stored?.id ?? clusterId(joining[0]!),
      absorb: [],
      members: joining,
      size: group.members.length,
      ...spanned([...mechanisms], [...years]),
    });
  }
  return growths;
}

/** A new cluster's id, from its smallest member. */
const clusterId = (smallest: string) =>
  `cluster:${createHash('sha1').update(smallest).digest('hex').slice(0, 16)}`;

/** The mechanisms and years some recommendations span, sorted. */
function spanOf(docs: readonly (Doc | undefined)[]) {
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
