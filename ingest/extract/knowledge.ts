import { nameKey } from '../graph/name-key.js';
import { LEXICON } from '../lexicon/lexicon.js';
import { splitSize } from '../names/size.js';
import type { Extraction } from './types.js';

/**
 * What the reader may take as known when a list leaves something unsaid: the seed knowledge of
 * the lexicon (well-known organizations and model families, and things that are not models)
 * plus what the lists being read state elsewhere (a table's models, its contributors). Only
 * evidence for choosing how to read a column, a keyword or a group label, never a fact.
 */
export interface Knowledge {
  isOrganization(name: string): boolean;
  /** A known model, or a size, version or release of a known family (`GPT 3.0`, `Qwen2.5-7B`). */
  isModel(name: string): boolean;
  /** An architecture, method, dataset, benchmark or concept (`Transformers`, `CoT`, `DPO`). */
  isNotModel(name: string): boolean;
}

/** Keys a name may be known by: itself, without a `.0` version, without a size or a trailing version. */
export function familyKeys(name: string): string[] {
  const keys = new Set<string>();
  const add = (s: string) => {
    const k = nameKey(s);
    if (k) keys.add(k);
  };
  // `Llama 3.3 (70b)`: what parentheses add is no part of the name.
  let trimmed = name.replace(/(?<!\s)\s*[(（][^()（）]{0,40}[)）]\s*/g, ' ').trim();
  add(trimmed);
  trimmed = withoutCheckpointSuffix(trimmed);
  add(trimmed);
  const noZero = trimmed.replace(/(\d)\.0\b/g, '$1');
  add(noZero);
  const sized = splitSize(noZero);
  if (sized) add(sized.family);
  const versionless = noZero.replace(/[-_\s]*v?\d+(?:\.\d+)*[a-z]?$/i, '');
  // `ChatYuan-large-v2`: a version after the checkpoint's size word.
  if (versionless && versionless !== noZero && /[A-Za-z]{2}/.test(versionless)) add(withoutCheckpointSuffix(versionless));
  return [...keys];
}

/** `Baichuan-13B-Base`, `Qwen-7B-Chat`, `T5-large`: a checkpoint of the family, named by what it was tuned for or its size. */
function withoutCheckpointSuffix(name: string): string {
  const lower = name.toLowerCase();
  const suffix = LEXICON.known.checkpointSuffixes.find((w) => lower.length > w.length + 2 && lower.endsWith(w) && /[-_ ]/.test(lower[lower.length - w.length - 1]));
  return suffix ? name.slice(0, name.length - suffix.length - 1).trim() : name;
}

export function knowledge(extra: { organizations?: Iterable<string>; models?: Iterable<string> } = {}): Knowledge {
  const orgs = new Set(LEXICON.known.organizations);
  const models = new Set(LEXICON.known.models);
  for (const o of extra.organizations ?? []) if (nameKey(o)) orgs.add(nameKey(o));
  for (const m of extra.models ?? []) if (nameKey(m)) models.add(nameKey(m));
  const notModels = LEXICON.known.notModels;
  return {
    isOrganization: (name) => orgs.has(nameKey(name.replace(/(?<!\s)\s+et al\.?$/i, ''))),
    isModel: (name) => !notModels.has(nameKey(name)) && familyKeys(name).some((k) => models.has(k)),
    isNotModel: (name) => notModels.has(nameKey(name)),
  };
}

/** The seed knowledge alone. */
export const SEED_KNOWLEDGE: Knowledge = knowledge();

/** What a first reading of the lists establishes: the models they list and the organizations they credit. */
export function knowledgeFrom(extractions: Extraction[]): Knowledge {
  const organizations: string[] = [];
  const models: string[] = [];
  for (const ex of extractions) {
    for (const m of ex.mentions) {
      if (m.tentative) continue;
      if (m.label === 'Organization') organizations.push(m.name);
      else if (m.label === 'Model' && m.certain && m.role === 'entry') models.push(m.name);
    }
  }
  return knowledge({ organizations, models });
}
