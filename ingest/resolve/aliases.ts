import { nameKey } from '../graph/name-key.js';
import { NODE_LABELS, type NodeLabel } from '../graph/types.js';

/**
 * The reviewed alias table (`data/aliases.json`): spellings no rule can join, each mapped to a
 * canonical name with a reason. Organizations have their own table; every other kind of thing
 * shares one (a model and a method may be the same name written in two columns).
 */
export interface AliasEntry {
  label: NodeLabel;
  name: string;
  spellings: string[];
  reason: string;
}

export interface AliasTable {
  entries: AliasEntry[];
  /** Canonical name for a spelling, by space (`Organization` or `thing`) and name key. */
  lookup(label: NodeLabel, spelling: string): AliasEntry | null;
}

function space(label: NodeLabel): string {
  return label === 'Organization' ? 'Organization' : ['Model', 'Dataset', 'Method', 'Benchmark', 'Project'].includes(label) ? 'thing' : label;
}

export function aliasTable(entries: AliasEntry[]): AliasTable {
  const byKey = new Map<string, AliasEntry>();
  for (const e of entries) {
    for (const s of [e.name, ...e.spellings]) {
      const k = `${space(e.label)}:${nameKey(s)}`;
      const clash = byKey.get(k);
      if (clash && clash !== e) throw new Error(`alias table: "${s}" is listed under both "${clash.name}" and "${e.name}"`);
      byKey.set(k, e);
    }
  }
  return {
    entries,
    lookup: (label, spelling) => byKey.get(`${space(label)}:${nameKey(spelling)}`) ?? null,
  };
}

/** Validates the JSON of `data/aliases.json`; every entry needs a name, spellings and a reason. */
export function parseAliasTable(json: unknown, where = 'alias table'): AliasTable {
  const list = (json as { aliases?: unknown })?.aliases;
  if (!Array.isArray(list)) throw new Error(`${where}: expected {"aliases": [...]}`);
  const entries = list.map((raw, i): AliasEntry => {
    const e = raw as Partial<AliasEntry>;
    const at = `${where}: entry ${i + 1}`;
    if (!e.label || !(NODE_LABELS as readonly string[]).includes(e.label)) throw new Error(`${at}: unknown label ${JSON.stringify(e.label)}`);
    if (typeof e.name !== 'string' || !e.name.trim()) throw new Error(`${at}: missing name`);
    if (!Array.isArray(e.spellings) || !e.spellings.every((s) => typeof s === 'string')) throw new Error(`${at} (${e.name}): spellings must be a list of strings`);
    if (typeof e.reason !== 'string' || !e.reason.trim()) throw new Error(`${at} (${e.name}): every alias needs a reason`);
    return { label: e.label, name: e.name, spellings: e.spellings, reason: e.reason };
  });
  return aliasTable(entries);
}
