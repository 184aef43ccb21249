/**
 * The intermediate graph: a plain, JSON-printable value that every ingest step passes along.
 * `--dry-run --json` prints exactly this; the load step writes exactly this to Neo4j.
 */

/** Kinds of node. Each becomes a Neo4j label (every node also carries the `Entity` label). */
export const NODE_LABELS = [
  'Model',
  'Organization',
  'Dataset',
  'Paper',
  'Method',
  'Benchmark',
  'Project',
  'Category',
  'Language',
  'License',
  'Domain',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** Kinds of edge. Each becomes a Neo4j relationship type. */
export const EDGE_TYPES = [
  'BASED_ON',
  'VARIANT_OF',
  'FROM_CONTRIBUTOR',
  'TRAINED_WITH',
  'USES_METHOD',
  'DRIVEN_BY',
  'DESCRIBED_IN',
  'IN_CATEGORY',
  'HAS_LANGUAGE',
  'HAS_LICENSE',
  'IN_DOMAIN',
  'EVALUATED_ON',
  'HAS_ARCHITECTURE',
  'RELATED_TO',
] as const;
export type EdgeType = (typeof EDGE_TYPES)[number];

/**
 * How a fact was read: a table column, a nested list, a pattern in free text (less certain), or
 * the owner of an entry's own link (`huggingface.co/mosaicml/mpt-7b` → mosaicml), the weakest:
 * kept only where the list names no contributor for the entry.
 */
export type DerivedFrom = 'table' | 'list' | 'text' | 'link';

/** Where a node or an edge is stated. */
export interface Provenance {
  /** File name, e.g. `open-source-chatgpt-list.md` (no directory: the corpus is relocatable). */
  source: string;
  /** 1-based line in that file. */
  line: number;
  /** Heading path from the top of the file, e.g. `["Data", "Instruction Data"]`. */
  section: string[];
  derivedFrom: DerivedFrom;
  /** Table column the value came from, when it came from a table. */
  column?: string;
  /** The sentence a prose-derived fact was read from. */
  text?: string;
}

/** Scalar property values only: they must fit a Neo4j property. */
export type PropValue = string | number | boolean | string[] | number[];

/** Why two mentions were joined into one node: the rule and the names it joined. */
export interface Merge {
  rule: string;
  names: string[];
}

export interface GraphNode {
  /** Stable id, `<label>:<normalised key>`, e.g. `model:vicuna`. */
  id: string;
  label: NodeLabel;
  /** Display name, chosen by the rule in ingest/resolve/display-name.ts (most-written name, capitals preferred). */
  name: string;
  /** Other spellings seen, in first-seen order, without `name`. */
  aliases: string[];
  /** Extra facts: url, repository, arxivId, kind (for organizations), mainFeature, ... */
  props: Record<string, PropValue>;
  provenance: Provenance[];
  merges: Merge[];
}

/** How a model was made from its base (BASED_ON edges): kinds, the methods named, and the words that said so. */
export interface Derivation {
  /** `FINETUNE`, `ADAPTER`, `QUANTIZATION`, `MERGE`, `CONTINUED_PRETRAINING`, `DISTILLATION`, `ALIGNMENT`, `CONTEXT_EXTENSION`, or `UNSPECIFIED`. */
  kinds: string[];
  /** Methods the words name (`LoRA`, `DPO`). */
  methods: string[];
  evidence: { kind: string; words: string; source: string; line: number; from: 'text' | 'column' | 'key' | 'section' }[];
}

export interface GraphEdge {
  /** Stable id, `<TYPE>:<source id>-><target id>`. */
  id: string;
  type: EdgeType;
  source: string;
  target: string;
  /** The strongest of its provenance entries: table > list > text > link. */
  derivedFrom: DerivedFrom;
  provenance: Provenance[];
  /** BASED_ON only: how the source was made from the target. */
  derivation?: Derivation;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}
