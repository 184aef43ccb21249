/** How the CLI prints answers: indented trees and aligned tables for people, CSV for tools. */

export interface LineageNode {
  id: string;
  name: string;
  kind: string;
  depth: number | null;
}
export interface LineageEdge {
  type: string;
  source: string;
  target: string;
  derivedFrom: string;
}
export interface Lineage {
  root: { id: string; name: string };
  nodes: LineageNode[];
  edges: LineageEdge[];
  omitted: number;
}

const RELATION_WORDS: Record<string, string> = { BASED_ON: 'based on', VARIANT_OF: 'variant of' };

/**
 * One tree per direction, drawn from the root: each model under the relative one hop nearer
 * the root (the first by name when several are), with the other links it has noted beside it.
 * An edge `a → b` (a BASED_ON b) puts b above a: ancestors grow upward, descendants downward.
 */
export function lineageTree(lineage: Lineage): string {
  const byId = new Map(lineage.nodes.map((n) => [n.id, n]));
  const lines = [`${lineage.root.name}  (${lineage.root.id})`];
  for (const [label, up] of [['ancestors (what it is built on)', true], ['descendants (what is built on it)', false]] as const) {
    // parent → children in the tree of this direction, with the relation type.
    const children = new Map<string, { id: string; type: string; derivedFrom: string }[]>();
    const placed = new Set([lineage.root.id]);
    const also = new Map<string, string[]>();
    const frontier = [lineage.root.id];
    while (frontier.length) {
      const at = frontier.shift()!;
      const next = lineage.edges
        .filter((e) => (up ? e.source === at : e.target === at))
        .map((e) => ({ id: up ? e.target : e.source, type: e.type, derivedFrom: e.derivedFrom }))
        .filter((c) => byId.has(c.id))
        .sort((a, b) => byId.get(a.id)!.name.localeCompare(byId.get(b.id)!.name));
      for (const child of next) {
        if (placed.has(child.id)) {
          const word = RELATION_WORDS[child.type] ?? child.type.toLowerCase();
          // Descendants: the child is also built on `at`; ancestors: it is also what `at` is built on.
          const note = up ? `also ${word} for ${byId.get(at)!.name}` : `also ${word} ${byId.get(at)!.name}`;
          if (child.id !== lineage.root.id) also.set(child.id, [...(also.get(child.id) ?? []), note]);
          continue;
        }
        placed.add(child.id);
        children.set(at, [...(children.get(at) ?? []), child]);
        frontier.push(child.id);
      }
    }
    if (!children.has(lineage.root.id)) continue;
    lines.push(`${label}:`);
    const draw = (id: string, prefix: string) => {
      const list = children.get(id) ?? [];
      list.forEach((child, i) => {
        const last = i === list.length - 1;
        const notes = [RELATION_WORDS[child.type] ?? child.type.toLowerCase(), child.derivedFrom === 'TEXT' ? 'read from prose' : ''];
        const extra = also.get(child.id);
        if (extra) notes.push(...extra);
        lines.push(`${prefix}${last ? '└─ ' : '├─ '}${byId.get(child.id)!.name}  (${notes.filter(Boolean).join('; ')})`);
        draw(child.id, `${prefix}${last ? '   ' : '│  '}`);
      });
    };
    draw(lineage.root.id, '  ');
  }
  if (lineage.nodes.length === 1) lines.push('  no lineage relatives in the lists');
  if (lineage.omitted) lines.push(`(${lineage.omitted} more beyond this depth: raise --depth)`);
  return lines.join('\n');
}

/** Rows of the lineage for --csv: one per relative. */
export function lineageRows(lineage: Lineage): Record<string, string | number>[] {
  const depth = new Map(lineage.nodes.map((n) => [n.id, n.depth]));
  return lineage.nodes
    .filter((n) => n.depth !== 0)
    .map((n) => {
      const edge = lineage.edges.find(
        (e) => (e.source === n.id && depth.get(e.target) === (n.depth ?? 0) - 1) || (e.target === n.id && depth.get(e.source) === (n.depth ?? 0) - 1),
      );
      const direction = edge ? (edge.source === n.id ? 'descendant' : 'ancestor') : '';
      return { id: n.id, name: n.name, depth: n.depth ?? '', direction, relation: edge?.type ?? '' };
    });
}

/** An aligned text table. */
export function table(rows: Record<string, unknown>[], columns: string[]): string {
  const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => cell(r[c]))))].join('\n');
}

/** RFC 4180 CSV; objects and lists in cells as JSON. */
export function csv(rows: Record<string, unknown>[], columns: string[]): string {
  const field = (v: unknown) => {
    const text = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => field(r[c])).join(','))].join('\n');
}

/**
 * The first list of objects in a GraphQL answer (a connection's `nodes` included), flattened to
 * rows of scalar columns (`basedOn.name` style for nested objects), for `query --csv`.
 */
export function firstList(data: unknown): Record<string, unknown>[] | null {
  if (Array.isArray(data)) return data.every((d) => d && typeof d === 'object') ? data.map((d) => flatten(d as Record<string, unknown>)) : null;
  if (data && typeof data === 'object') {
    for (const value of Object.values(data)) {
      const found = firstList(value);
      if (found) return found;
    }
  }
  return null;
}

function flatten(object: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) Object.assign(out, flatten(value as Record<string, unknown>, `${prefix}${key}.`));
    else out[`${prefix}${key}`] = value;
  }
  return out;
}

export function columnsOf(rows: Record<string, unknown>[]): string[] {
  return [...new Set(rows.flatMap((r) => Object.keys(r)))];
}
