import { ROLES, type Role } from '../lexicon/lexicon.js';
import type { Overrides } from './context.js';

/**
 * A list maintainer's corrections, in a small JSON file beside the list (`my-list.md` →
 * `my-list.lineage.json` or `my-list.md.lineage.json`), for a reading the rules got wrong:
 *
 *     { "columns": { "Institute": "contributor", "": "subject:model", "Try it": "ignore" },
 *       "blocks":  { "Open LLM": "models", "Trending": "skip", "Meta": "org", "120": "base" } }
 *
 * `columns` maps a header (`""` for an empty one) to a role, or `subject:<kind>`; `blocks` maps a
 * heading, `<summary>` or item label, or a line number, to a kind: `skip`, `none`, `documents`,
 * a kind of thing (`models`, `datasets`, `methods`, `projects`, `benchmarks`), or `org`/`base`
 * for a group label. Errors name the file and the entry.
 */
const BLOCK_KINDS = new Set(['skip', 'none', 'documents', 'papers', 'org', 'base', 'model', 'models', 'dataset', 'datasets', 'method', 'methods', 'project', 'projects', 'benchmark', 'benchmarks']);
const SUBJECT_KINDS = new Set(['model', 'project', 'method', 'data', 'benchmark']);

export function parseOverrides(json: unknown, where: string): Overrides {
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new Error(`${where}: expected an object with "columns" and/or "blocks"`);
  const { columns = {}, blocks = {}, ...rest } = json as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length) throw new Error(`${where}: unknown key "${unknown[0]}" (expected "columns" or "blocks")`);
  const out: Overrides = { columns: new Map(), blocks: new Map() };
  for (const [header, role] of entries(columns, where, 'columns')) {
    const [name, kind] = role.split(':');
    if (!(ROLES as readonly string[]).includes(name) || (kind && (name !== 'subject' || !SUBJECT_KINDS.has(kind)))) {
      throw new Error(`${where}: columns."${header}": unknown role "${role}" (one of ${ROLES.join(', ')}, or subject:model|project|method|data|benchmark)`);
    }
    out.columns.set(header.trim().toLowerCase(), role as Role);
  }
  for (const [label, kind] of entries(blocks, where, 'blocks')) {
    if (!BLOCK_KINDS.has(kind.toLowerCase())) throw new Error(`${where}: blocks."${label}": unknown kind "${kind}" (one of ${[...BLOCK_KINDS].join(', ')})`);
    out.blocks.set(label.trim().toLowerCase(), kind.toLowerCase());
  }
  return out;
}

function entries(value: unknown, where: string, key: string): [string, string][] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${where}: "${key}" must be an object`);
  return Object.entries(value as Record<string, unknown>).map(([k, v]) => {
    if (typeof v !== 'string') throw new Error(`${where}: ${key}."${k}" must be a string`);
    return [k, v];
  });
}
