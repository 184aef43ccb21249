// Colours, shapes and wording shared by the graph, the legend, the checkboxes and the tables,
// so that what the legend says is what the graph draws.

/**
 * Relation types the explorer can show. `lineage` ones are walked from the model (ancestors and
 * descendants); the others are attached to every model in view, one hop out, so a contributor
 * or dataset never drags in a second family tree.
 *
 * On screen every arrow points downstream, from what a model is built from to the model: base
 * model → derived model, organization → its model, dataset → model trained with it. `reads` says
 * so in the legend; the tables keep the relation's own direction (Vicuna BASED_ON LLaMA).
 */
export const RELATIONS = [
  { type: 'BASED_ON', label: 'based on', colour: '#1c6fd1', lineage: true, reads: 'base → model built on it' },
  { type: 'VARIANT_OF', label: 'variant of', colour: '#0b9a74', lineage: true, reads: 'family → size variant' },
  { type: 'FROM_CONTRIBUTOR', label: 'from contributor', colour: '#e8590c', lineage: false, reads: 'organization → its model' },
  { type: 'TRAINED_WITH', label: 'trained with', colour: '#37a24b', lineage: false, reads: 'dataset → model trained with it' },
  { type: 'DESCRIBED_IN', label: 'described in', colour: '#9c36b5', lineage: false, reads: 'paper → what it describes' },
  { type: 'USES_METHOD', label: 'uses method', colour: '#c27c0e', lineage: false, reads: 'method → model using it' },
];

export const RELATION = Object.fromEntries(RELATIONS.map((r) => [r.type, r]));
export const LINEAGE_TYPES = RELATIONS.filter((r) => r.lineage).map((r) => r.type);
export const DEFAULT_TYPES = ['BASED_ON', 'VARIANT_OF', 'FROM_CONTRIBUTOR'];

/**
 * How a model was made from its base (the GraphQL enum DerivationKind, in its order): each
 * BASED_ON edge is drawn in the colour and with the arrow of its kind. An edge of several kinds
 * (continued pre-training, then fine-tuning) is drawn as its most specific one, the lowest
 * `rank`; its details list them all. `many` is the hub's wording of a count ("Adapters: 6").
 */
export const DERIVATIONS = [
  { kind: 'FINETUNE', label: 'fine-tune', note: 'instruction tuning, SFT', many: 'Fine-tunes', colour: '#1c6fd1', arrow: 'triangle', rank: 7 },
  { kind: 'ADAPTER', label: 'adapter', note: 'LoRA, QLoRA, P-tuning', many: 'Adapters', colour: '#d6336c', arrow: 'triangle-tee', rank: 2 },
  { kind: 'QUANTIZATION', label: 'quantization', note: 'GPTQ, GGUF, n-bit', many: 'Quantizations', colour: '#343a40', arrow: 'square', rank: 0 },
  { kind: 'MERGE', label: 'merge', note: 'of several models', many: 'Merges', colour: '#7048e8', arrow: 'diamond', rank: 1 },
  { kind: 'CONTINUED_PRETRAINING', label: 'continued pre-training', note: 'vocabulary extension', many: 'Continued pre-training', colour: '#0c8599', arrow: 'triangle-backcurve', rank: 4 },
  { kind: 'DISTILLATION', label: 'distillation', note: 'distilled from it', many: 'Distillations', colour: '#a05a00', arrow: 'circle', rank: 3 },
  { kind: 'ALIGNMENT', label: 'alignment', note: 'RLHF, DPO, RRHF', many: 'Alignments', colour: '#e03131', arrow: 'vee', rank: 6 },
  { kind: 'CONTEXT_EXTENSION', label: 'context extension', note: 'a longer context window', many: 'Context extensions', colour: '#5c940d', arrow: 'chevron', rank: 5 },
  { kind: 'UNSPECIFIED', label: 'kind not stated', note: 'the lists do not say how', many: 'Kind not stated', colour: '#8fa9cc', arrow: 'triangle', rank: 8 },
];
export const DERIVATION = Object.fromEntries(DERIVATIONS.map((d) => [d.kind, d]));
const BY_RANK = [...DERIVATIONS].sort((a, b) => a.rank - b.rank);
/** The kind an edge of these kinds is drawn as. */
export const drawnKind = (kinds) => BY_RANK.find((d) => kinds?.includes(d.kind)) ?? DERIVATION.UNSPECIFIED;

/** Node kinds: Cytoscape shape, fill and border. Kinds not listed use OTHER. */
export const KINDS = {
  MODEL: { label: 'model', shape: 'round-rectangle', fill: '#e8f0ff', border: '#3451b2' },
  ORGANIZATION: { label: 'organization', shape: 'cut-rectangle', fill: '#fff0e0', border: '#d9480f' },
  DATASET: { label: 'dataset', shape: 'barrel', fill: '#e6f7e9', border: '#2b8a3e' },
  PAPER: { label: 'paper', shape: 'tag', fill: '#f6ecfb', border: '#862e9c' },
  METHOD: { label: 'method', shape: 'rhomboid', fill: '#fff6d6', border: '#b07400' },
};
export const OTHER = { label: 'other', shape: 'ellipse', fill: '#f1f3f5', border: '#868e96' };
export const kindStyle = (kind) => KINDS[kind] ?? OTHER;

// Cytoscape rejects quoted family names, so none here has quotes.
export const FONT = 'system-ui, Roboto, Helvetica, Arial, DejaVu Sans, sans-serif';
export const PATH_COLOUR = '#f2c200';
