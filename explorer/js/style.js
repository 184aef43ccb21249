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
