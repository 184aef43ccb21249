import type { NodeLabel } from '../graph/types.js';

/**
 * What the items of a list section are, read from its headings (the deepest heading that says
 * wins): `Fine-tune > Models > Chinese` lists models, `Dataset > For Evaluation` benchmarks.
 * `skip` sections hold navigation or news; `null` means the headings do not say.
 */
export type SectionKind = { label: NodeLabel; certain: boolean } | 'skip' | 'documents' | null;

const RULES: [RegExp, SectionKind][] = [
  [/^(?:table of contents|contents|news)$/i, 'skip'],
  [/\bsurveys?\b/i, 'documents'],
  [/^integrating external data$/i, null],
  [/^aspects$/i, 'skip'],
  [/^models?$/i, { label: 'Model', certain: true }],
  [/\bproducts?\b/i, { label: 'Model', certain: false }],
  [/evaluation|benchmarks?\b/i, { label: 'Benchmark', certain: false }],
  [/^for (?:pre-?training|sft|reward model)$|(?:^|\s)(?:data|datasets?|instructions?)$/i, { label: 'Dataset', certain: false }],
  [/\bmethods?\b|^position$|normali[sz]ation|activation|tokenizer|^rl$|^peft$|reward model/i, { label: 'Method', certain: false }],
  [/\btools?\b|toolkits?\b|projects?\b|practice|articles?\b|frameworks?\b/i, { label: 'Project', certain: true }],
];

export function sectionKind(headings: string[]): SectionKind {
  for (let i = headings.length - 1; i >= 0; i--) {
    for (const [re, kind] of RULES) if (re.test(headings[i])) return kind;
  }
  return null;
}
