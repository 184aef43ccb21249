/**
 * Synthetic graphs for the query benchmark, built directly as the intermediate graph (the ingest
 * of 100k synthetic Markdown rows is issue 9's benchmark): `rows` models with a realistic lineage
 * — hundreds of bases, fine-tunes of fine-tunes down to depth 6, fan-out by preferential
 * attachment (a power law), contributors from a Zipf pool of organizations, a license, a
 * language, a category and sometimes a dataset per model — plus two fixed parts that every size
 * holds the same, so that a fixed-size answer can be compared across sizes:
 *  - the probe family: Probe-LLaMA ← Probe-Vicuna ← Probe-Wizard (and Probe-Alpaca), by
 *    Probe Lab and Probe University;
 *  - a hub, Hub-Base, with `hubSize` direct fine-tunes (10,000 at 100k rows), each with a
 *    fine-tune or two of its own.
 * Deterministic for a seed.
 */
import type { EdgeType, Graph, GraphEdge, GraphNode, NodeLabel } from '../ingest/graph/types.js';
import { random } from './random.js';


const LICENSES = ['Apache-2.0', 'MIT', 'CC-BY-NC-4.0', 'GPL-3.0', 'LLaMA license', 'BSD-3-Clause'];
const LANGUAGES = ['en', 'zh', 'ja', 'multi'];
const CATEGORIES = ['General', 'Medical', 'Legal', 'Finance', 'Code', 'Math', 'Education', 'Science'];

export interface SyntheticGraph extends Graph {
  rows: number;
  hubSize: number;
}

export function syntheticGraph(rows: number, seed = 7): SyntheticGraph {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  let line = 0;
  const node = (label: NodeLabel, name: string, props: GraphNode["props"] = {}): string => {
    const id = `${label.toLowerCase()}:${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    nodes.push({
      id,
      label,
      name,
      aliases: [],
      props,
      provenance: [{ source: 'synthetic.md', line: ++line, section: ['Synthetic', label], derivedFrom: 'table' }],
      merges: [],
    });
    return id;
  };
  const seen = new Set<string>();
  const edge = (type: EdgeType, source: string, target: string) => {
    const id = `${type}:${source}->${target}`;
    if (seen.has(id) || source === target) return;
    seen.add(id);
    edges.push({
      id,
      type,
      source,
      target,
      derivedFrom: 'table',
      provenance: [{ source: 'synthetic.md', line, section: ['Synthetic'], derivedFrom: 'table', column: type }],
      ...(type === 'BASED_ON' ? { derivation: { kinds: [pick(['FINETUNE', 'ADAPTER', 'QUANTIZATION'])], methods: [], evidence: [] } } : {}),
    });
  };

  const licenses = LICENSES.map((n) => node('License', n));
  const languages = LANGUAGES.map((n) => node('Language', n));
  const categories = CATEGORIES.map((n) => node('Category', n));
  const orgs = Array.from({ length: Math.max(20, Math.round(rows / 40)) }, (_, i) => node('Organization', `Org ${i}`, { kind: 'institution' }));
  const harmonic = orgs.reduce((s, _, i) => s + 1 / (i + 1), 0);
  const zipfOrg = () => {
    let x = rand() * harmonic;
    for (let i = 0; i < orgs.length; i++) if ((x -= 1 / (i + 1)) <= 0) return orgs[i];
    return orgs[orgs.length - 1];
  };
  const datasets = Array.from({ length: Math.max(10, Math.round(rows / 100)) }, (_, i) => node('Dataset', `Dataset ${i}`));
  const describe = (id: string) => {
    edge('FROM_CONTRIBUTOR', id, zipfOrg());
    if (rand() < 0.2) edge('FROM_CONTRIBUTOR', id, zipfOrg());
    edge('HAS_LICENSE', id, pick(licenses));
    edge('HAS_LANGUAGE', id, pick(languages));
    edge('IN_CATEGORY', id, pick(categories));
    if (rand() < 0.3) edge('TRAINED_WITH', id, pick(datasets));
  };

  // The probe family, the same at every size.
  const probeLab = node('Organization', 'Probe Lab', { kind: 'institution' });
  const probeUni = node('Organization', 'Probe University', { kind: 'institution' });
  const probe = (name: string, base: string | null, makers: string[]) => {
    const id = node('Model', name, { url: `https://example.org/${name}`, mainFeature: `${name}, a probe model.`, releaseDate: '2023-03' });
    if (base) edge('BASED_ON', id, base);
    for (const m of makers) edge('FROM_CONTRIBUTOR', id, m);
    edge('HAS_LICENSE', id, licenses[0]);
    return id;
  };
  const pLlama = probe('Probe-LLaMA', null, [probeLab]);
  const pVicuna = probe('Probe-Vicuna', pLlama, [probeLab, probeUni]);
  probe('Probe-Wizard', pVicuna, [probeUni]);
  probe('Probe-Alpaca', pLlama, [probeUni]);

  // The hub: a tenth of the rows are its direct fine-tunes, up to 10,000, then some of theirs.
  const hubSize = Math.min(10_000, Math.max(10, Math.round(rows / 10)));
  const hub = node('Model', 'Hub-Base', { releaseDate: '2023-02' });
  describe(hub);
  let made = 0;
  const hubChildren: string[] = [];
  for (let i = 0; i < hubSize; i++, made++) {
    const id = node('Model', `Hub-Tune-${i}`);
    edge('BASED_ON', id, hub);
    describe(id);
    hubChildren.push(id);
  }
  for (let i = 0; i < hubSize / 2; i++, made++) {
    const id = node('Model', `Hub-Tune-of-Tune-${i}`);
    edge('BASED_ON', id, pick(hubChildren));
    describe(id);
  }

  // Everything else: bases, then fine-tunes by preferential attachment, at most 6 deep.
  const baseCount = Math.max(20, Math.round(rows / 250));
  const pool: { id: string; depth: number }[] = [];
  const weighted: number[] = [];
  for (let i = 0; i < baseCount && made < rows; i++, made++) {
    const id = node('Model', `Base-${i}`);
    describe(id);
    pool.push({ id, depth: 0 });
    weighted.push(pool.length - 1);
  }
  for (let i = 0; made < rows; i++, made++) {
    const at = weighted[Math.floor(rand() * weighted.length)];
    const base = pool[at];
    const id = node('Model', `Tune-${i}`);
    edge('BASED_ON', id, base.id);
    if (rand() < 0.03) edge('BASED_ON', id, pool[Math.floor(rand() * pool.length)].id); // a merge
    describe(id);
    if (base.depth + 1 < 6) {
      pool.push({ id, depth: base.depth + 1 });
      weighted.push(pool.length - 1);
    }
    weighted.push(at); // the rich get richer
  }
  return { nodes, edges, rows, hubSize };
}
