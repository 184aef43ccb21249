import { cleanText } from '../names/text.js';

/**
 * What a table column holds, recognised from its header. Headers vary between sections and
 * versions of a list (`model`, `model/project`, `project`, `method`, `data/project`…) and some
 * contain a non-breaking space (`base model`).
 */
export type ColumnRole =
  | 'subject'
  | 'contributor'
  | 'base'
  | 'usedIn'
  | 'drivenBy'
  | 'domain'
  | 'language'
  | 'license'
  | 'mainFeature'
  | 'multiModal';

/** Subject headers and the kind of thing their rows are about. */
export type SubjectKind = 'model' | 'project' | 'method' | 'data' | 'benchmark';

const HEADERS: Record<string, { role: ColumnRole; subject?: SubjectKind }> = {
  model: { role: 'subject', subject: 'model' },
  'model/project': { role: 'subject', subject: 'model' },
  project: { role: 'subject', subject: 'project' },
  method: { role: 'subject', subject: 'method' },
  algorithm: { role: 'subject', subject: 'method' },
  data: { role: 'subject', subject: 'data' },
  'data/project': { role: 'subject', subject: 'data' },
  dataset: { role: 'subject', subject: 'data' },
  benchmark: { role: 'subject', subject: 'benchmark' },
  contributor: { role: 'contributor' },
  'base model': { role: 'base' },
  'used in': { role: 'usedIn' },
  'driven by': { role: 'drivenBy' },
  domain: { role: 'domain' },
  language: { role: 'language' },
  license: { role: 'license' },
  'main feature': { role: 'mainFeature' },
  'multi-modal': { role: 'multiModal' },
};

/** `base model` for `base\u00a0model`, `Model / Project` → `model/project`. */
export function normaliseHeader(header: string): string {
  return cleanText(header).toLowerCase().replace(/\s*\/\s*/g, '/');
}

export function columnRole(header: string): { role: ColumnRole; subject?: SubjectKind } | null {
  return HEADERS[normaliseHeader(header)] ?? null;
}
