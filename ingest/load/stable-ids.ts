import { nameKey } from '../graph/name-key.js';
import type { Graph, GraphNode } from '../graph/types.js';
import { repositoryKey } from '../names/links.js';
import { repositoriesConflict } from '../resolve/clusters.js';

/**
 * Ids that survive. The pipeline names a node after its display name (`model:bentsao`), so a
 * list that renames a model, or a vote that tips another spelling, would give the same thing a
 * new id and break every bookmark, explorer URL and notebook that used the old one. Before a
 * graph is stored, each of its nodes is matched to an id the store already gave, by what
 * identifies it across versions, and takes that id; only a node nothing matches gets a new one.
 *
 * Matching is within one kind and one-to-one. What fits, strongest first:
 *  2. the same repository link (Huatuo renamed BenTsao, same SCIR-HI/Huatuo-Llama-Med-Chinese);
 *  3. the same display name (by name key);
 *  4. the node's display name among the id's names, or the id's display name among the node's;
 *  5. any shared name or arXiv id.
 * Pairs are taken in this order: a repository match first, then ids stated in the current
 * generation before ids no longer stated (so that ChatGLM, written `ChatGLM-6B` in one version
 * and `ChatGLM` in the next, keeps its one id instead of swapping with a retired one), then by
 * the rule above.
 * Two nodes linking repositories of different owners never match (the two ChatLLaMAs), nor an
 * account and an institution. A new id that the store gave to something else before gets a suffix.
 */

/** What the store remembers of an id, over every version it ever stored. */
export interface RememberedId {
  id: string;
  label: string;
  /** Name keys of every name and alias it had, arXiv ids as `arxiv:<id>`. */
  keys: string[];
  repos: string[];
  /** Name key of its latest display name. */
  displayKey: string;
  /** Organizations: `institution` or `account`. */
  kind?: string;
  /** Stated in the current generation. */
  live: boolean;
}

interface Candidate {
  keys: Set<string>;
  repos: Set<string>;
  displayKey: string;
  kind?: string;
}

function linksOf(node: GraphNode): string[] {
  const out: string[] = [];
  if (typeof node.props.url === 'string') out.push(node.props.url);
  if (Array.isArray(node.props.links)) out.push(...node.props.links.filter((l): l is string => typeof l === 'string'));
  return out;
}

/** Repository keys of a node's links. */
export function repositoriesOf(node: GraphNode): string[] {
  return [...new Set(linksOf(node).map(repositoryKey).filter((k): k is string => k !== null))].sort();
}

/** Name keys of a node's names and aliases, with its arXiv id. */
export function identityKeys(node: GraphNode): string[] {
  const keys = [node.name, ...node.aliases].map(nameKey).filter(Boolean);
  if (typeof node.props.arxivId === 'string') keys.push(`arxiv:${node.props.arxivId}`);
  return [...new Set(keys)];
}

function candidate(node: GraphNode): Candidate {
  return {
    keys: new Set(identityKeys(node)),
    repos: new Set(repositoriesOf(node)),
    displayKey: nameKey(node.name),
    kind: typeof node.props.kind === 'string' && node.label === 'Organization' ? node.props.kind : undefined,
  };
}

/** The rule (2–5) by which a remembered id fits a node, or 0 when it does not. */
function fit(c: Candidate, r: RememberedId): { rule: number; shared: number } {
  if ((c.kind ?? 'institution') !== (r.kind ?? 'institution') && (c.kind || r.kind)) return { rule: 0, shared: 0 };
  const repos = new Set(r.repos);
  if (repositoriesConflict(c.repos, repos)) return { rule: 0, shared: 0 };
  const keys = new Set(r.keys);
  const shared = [...c.keys].filter((k) => keys.has(k)).length;
  if ([...c.repos].some((k) => repos.has(k))) return { rule: 2, shared };
  if (c.displayKey && c.displayKey === r.displayKey) return { rule: 3, shared };
  if ((c.displayKey && keys.has(c.displayKey)) || c.keys.has(r.displayKey)) return { rule: 4, shared };
  if (shared) return { rule: 5, shared };
  return { rule: 0, shared: 0 };
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The id each node of `graph` is to be stored under (fresh id → stable id), given what the
 * store remembers. Deterministic: the same graph and memory give the same ids.
 */
export function stableIds(graph: Graph, memory: readonly RememberedId[]): Map<string, string> {
  // Index remembered ids by key and repository, so a node looks only at ids that could fit.
  const index = new Map<string, RememberedId[]>();
  const indexAdd = (k: string, r: RememberedId) => {
    const list = index.get(k);
    if (list) list.push(r);
    else index.set(k, [r]);
  };
  for (const r of memory) {
    for (const k of r.keys) indexAdd(`${r.label}\u0000k:${k}`, r);
    for (const k of r.repos) indexAdd(`${r.label}\u0000r:${k}`, r);
    indexAdd(`${r.label}\u0000k:${r.displayKey}`, r);
  }

  const pairs: { node: GraphNode; r: RememberedId; rank: number[] }[] = [];
  for (const node of graph.nodes) {
    const c = candidate(node);
    const near = new Set<RememberedId>();
    for (const k of c.keys) for (const r of index.get(`${node.label}\u0000k:${k}`) ?? []) near.add(r);
    for (const k of c.repos) for (const r of index.get(`${node.label}\u0000r:${k}`) ?? []) near.add(r);
    for (const r of near) {
      const { rule, shared } = fit(c, r);
      if (rule) pairs.push({ node, r, rank: [rule === 2 ? 0 : 1, r.live ? 0 : 1, rule, -shared, r.id === node.id ? 0 : 1] });
    }
  }
  pairs.sort((a, b) => {
    for (let i = 0; i < a.rank.length; i++) if (a.rank[i] !== b.rank[i]) return a.rank[i] - b.rank[i];
    return byString(a.r.id, b.r.id) || byString(a.node.id, b.node.id);
  });

  const assigned = new Map<string, string>();
  const taken = new Set<string>();
  for (const p of pairs) {
    if (assigned.has(p.node.id) || taken.has(p.r.id)) continue;
    assigned.set(p.node.id, p.r.id);
    taken.add(p.r.id);
  }
  // Ids the store ever gave are reserved for what they named.
  const reserved = new Set(memory.map((r) => r.id));
  for (const node of [...graph.nodes].sort((a, b) => byString(a.id, b.id))) {
    if (assigned.has(node.id)) continue;
    let id = node.id;
    for (let n = 2; reserved.has(id) || taken.has(id); n++) id = `${node.id}-${n}`;
    assigned.set(node.id, id);
    taken.add(id);
  }
  return assigned;
}

/** The graph with its nodes renamed (edge ids follow their ends), sorted by id again. */
export function renameIds(graph: Graph, ids: Map<string, string>): Graph {
  if ([...ids].every(([from, to]) => from === to)) return graph;
  const to = (id: string) => ids.get(id) ?? id;
  const byId = (a: { id: string }, b: { id: string }) => byString(a.id, b.id);
  return {
    nodes: graph.nodes.map((n) => ({ ...n, id: to(n.id) })).sort(byId),
    edges: graph.edges
      .map((e) => ({ ...e, id: `${e.type}:${to(e.source)}->${to(e.target)}`, source: to(e.source), target: to(e.target) }))
      .sort(byId),
  };
}
