import type { List, ListItem } from 'mdast';
import { baseMarked, isMemberOf, readGroupLabel, type EnclosingGroup } from './groups.js';
import type { Knowledge } from './knowledge.js';
import { readHead, subItems, type Head } from './list-items.js';
import { applyKeyValue, keyValue } from './list-keys.js';
import { readThing } from './list-things.js';
import { organizationMention } from './mentions.js';
import { provenance, type Place, type Sink } from './sink.js';
import type { Mention } from './types.js';

/**
 * Lists whose nesting states lineage or authorship:
 * - grouped by base (`* LLaMA 底座` with its fine-tunes as children): every item is a model,
 *   each child BASED_ON its parent, to any depth (a fine-tune of a fine-tune is based on the
 *   fine-tune), a top item without children a model of its own;
 * - grouped by organization (`* Meta` with its models as children): the children are
 *   FROM_CONTRIBUTOR it.
 */
export type TreeShape = { kind: 'base'; why: string } | { kind: 'org'; why: string } | null;

const MODEL = { label: 'Model' as const, certain: true };

/** What the top items of a list say about its shape. */
export function treeShape(sink: Sink, list: List, section: string[], known: Knowledge): TreeShape {
  const heads = list.children.map((item) => ({ item, head: readHead(sink, item, section) }));
  const parents = heads.filter((h) => h.head && subItems(h.item).length);
  if (!parents.length) return null;
  const marked = parents.filter((h) => baseMarked(h.head!.bare)).length;
  if ((marked >= 2 || (marked === 1 && parents.length === 1)) && marked * 3 >= parents.length) return { kind: 'base', why: `${marked} of its ${parents.length} parent items name a base` };
  const labels = parents.map((h) => h.head!.bare);
  const orgs = parents.filter((h) => !h.head!.rich.links.length && readGroupLabel(h.head!.bare, labels.filter((l) => l !== h.head!.bare), known)?.kind === 'org').length;
  if (orgs * 2 > parents.length && orgs >= 2) return { kind: 'org', why: `${orgs} of its ${parents.length} parent items name organizations` };
  return null;
}

export function readBaseTree(sink: Sink, list: List, section: string[], category: Mention | null): void {
  for (const item of list.children) {
    const head = readHead(sink, item, section);
    if (!head) continue;
    const marked = baseMarked(head.bare);
    const heads = marked ? withName(head, marked.name) : head;
    const roots = readThing(sink, heads, [], MODEL, category, null);
    readChildren(sink, roots, subItems(item), section, category, marked ? head.bare : null);
  }
}

function readChildren(sink: Sink, parents: Mention[], children: ListItem[], section: string[], category: Mention | null, parentLabel: string | null): void {
  for (const child of children) {
    const head = readHead(sink, child, section);
    if (!head) continue;
    const kv = keyValue(head);
    if (kv && applyKeyValue(sink, parents, kv, head)) continue;
    const things = readThing(sink, head, [], MODEL, category, null);
    for (const t of things) {
      for (const p of parents) {
        if (isMemberOf(t.name, p.name)) continue;
        sink.statement('BASED_ON', t, p, provenance(head.place, 'list', { text: parentLabel ?? p.name }));
      }
    }
    readChildren(sink, things, subItems(child), section, category, null);
  }
}

export function readOrgTree(sink: Sink, list: List, section: string[], category: Mention | null, readItem: (item: ListItem, group: EnclosingGroup | null) => void, known: Knowledge): void {
  const labels = list.children.map((item) => readHead(sink, item, section)?.bare ?? '');
  list.children.forEach((item, i) => {
    const head = readHead(sink, item, section);
    const children = subItems(item);
    const group = head && children.length ? readGroupLabel(head.bare, labels.filter((_, j) => j !== i), known) : null;
    if (!head || group?.kind !== 'org') {
      readItem(item, null);
      return;
    }
    const org: EnclosingGroup = { kind: 'org', name: group.name, label: head.bare, line: head.place.line, why: `parent item "${head.bare}": ${group.why}` };
    for (const child of children) readItem(child, org);
  });
}

/** A head read under another name: the base a marker names (`LLaMA 底座` → LLaMA). */
function withName(head: Head, name: string): Head {
  return { ...head, rich: { text: name, links: [], bold: [] }, resources: [], bare: name };
}

/**
 * A group's fact for the models read under it, where the item does not state its own: the
 * group's organization as contributor, the group's base as base (not for a family member).
 */
export function applyGroup(sink: Sink, things: Mention[], group: EnclosingGroup | null, place: Place): void {
  if (!group) return;
  const models = things.filter((t) => t.label === 'Model');
  if (!models.length) return;
  const at = provenance({ ...place, line: group.line }, 'list');
  const prov = provenance(place, 'list', { text: group.label });
  if (group.kind === 'org') {
    const pending = models.filter((m) => !sink.hasStatement('FROM_CONTRIBUTOR', m));
    if (!pending.length) return;
    const org = organizationMention(sink, group.name, at);
    for (const m of pending) sink.statement('FROM_CONTRIBUTOR', m, org, prov);
  } else {
    const pending = models.filter((m) => !sink.hasStatement('BASED_ON', m) && !isMemberOf(m.name, group.name));
    if (!pending.length) return;
    const base = sink.mention({ label: 'Model', certain: true, role: 'reference', name: group.name, props: {}, provenance: at });
    for (const m of pending) sink.statement('BASED_ON', m, base, prov);
  }
}
