import type { Code, List, ListItem } from 'mdast';
import type { NodeLabel } from '../graph/types.js';
import { repositoryKey, repositoryOwner } from '../names/links.js';
import { categoryFor, placeSection, type SectionPath } from './categories.js';
import { noteSectionDerivation } from './derivation.js';
import { enclosingGroup, type EnclosingGroup } from './groups.js';
import { applyGroup, readBaseTree, readOrgTree, treeShape } from './list-trees.js';
import { organizationMention, publisherMention } from './mentions.js';
import { SEED_KNOWLEDGE } from './knowledge.js';
import { isOrganizationName } from './organizations.js';
import { cleanName, cleanText } from '../names/text.js';
import { isModelPage } from './model-evidence.js';
import { provenance, type Place } from './sink.js';
import { resourceKind } from './documents.js';
import { readDocument } from './list-documents.js';
import { GROUP, looksLikeSentence, readHead, soleLink, subItems, type Head } from './list-items.js';
import { readThing } from './list-things.js';
import { sectionKind, type SectionKind } from './section-kinds.js';
import type { ReadContext } from './context.js';
import type { Sink } from './sink.js';
import type { Mention } from './types.js';

/**
 * Reads bullet lists: the nested model lists of my-llm (a model, then its Paper/GitHub links,
 * Architecture and Datasets sub-lists) and the paper lists of the alignment survey
 * (`Title [[Paper]](url)` under a heading tree). One walker serves both: each item is read
 * as a document (a paper, a blog post), a thing (a model, a dataset, a tool) or a group label
 * (`Paper`, `GitHub`, `Datasets`) whose children belong to the item above it.
 */

export function extractList(sink: Sink, list: List, at: SectionPath, ctx: ReadContext): void {
  const line = list.position?.start.line ?? 0;
  const section = placeSection(at);
  const told = (label: string, at2: number) => ctx.overrides.blocks.get(String(at2)) ?? ctx.overrides.blocks.get(label.toLowerCase());
  const kind = blockKind(sectionKind(at.section), told('', line) ?? [...at.section].reverse().map((h) => ctx.overrides.blocks.get(h.toLowerCase())).find(Boolean));
  if (kind === 'skip') return;
  const category = categoryFor(sink, at);
  const group = enclosingGroup(at, ctx.known, told);
  const shape = kind === 'documents' ? null : treeShape(sink, list, section, ctx.known);
  const kindName = kind === null ? 'things the section does not name' : typeof kind === 'object' ? `${kind.label.toLowerCase()}s` : kind;
  sink.reading({
    line,
    section,
    block: 'list',
    shape: shape?.kind === 'base' ? `list grouped by base (${shape.why})` : shape?.kind === 'org' ? `list of ${kindName} grouped by organization (${shape.why})` : `list of ${kindName}${group ? `, in ${group.why}` : ''}`,
    parts: [],
  });
  if (shape?.kind === 'base') {
    const before = sink.out.mentions.length;
    readBaseTree(sink, list, section, category);
    noteSectionDerivation(sink.out.mentions.slice(before).filter((m) => m.label === 'Model' && m.role === 'entry'), sink.source, at);
    return;
  }
  const keysAreOrgs = orgKeyedList(sink, list, section);
  const readOne = (item: ListItem, itemGroup: EnclosingGroup | null) => {
    const before = sink.out.mentions.length;
    readItem(sink, item, section, kind, category, itemGroup ?? group, keysAreOrgs);
    noteSectionDerivation(sink.out.mentions.slice(before).filter((m) => m.label === 'Model' && m.role === 'entry'), sink.source, at);
  };
  if (shape?.kind === 'org') readOrgTree(sink, list, section, category, readOne, ctx.known);
  else for (const item of list.children) readOne(item, null);
}

/** A maintainer's word on a block (`models`, `Dataset`, `skip`…) over what its headings say. */
function blockKind(said: SectionKind, told: string | undefined): SectionKind {
  if (!told) return said;
  const t = told.toLowerCase();
  if (t === 'skip' || t === 'documents') return t;
  if (t === 'none') return null;
  if (t === 'paper' || t === 'papers') return 'documents';
  const labels: Record<string, NodeLabel> = { model: 'Model', models: 'Model', dataset: 'Dataset', datasets: 'Dataset', method: 'Method', methods: 'Method', project: 'Project', projects: 'Project', benchmark: 'Benchmark', benchmarks: 'Benchmark' };
  return labels[t] ? { label: labels[t], certain: true } : said;
}

function readItem(sink: Sink, item: ListItem, section: string[], kind: SectionKind, category: Mention | null, group: EnclosingGroup | null, keysAreOrgs = false): void {
  // `- [ ] Add training code?`: a task of the list's maintainers, not an entry.
  if (typeof item.checked === 'boolean') return;
  const head = readHead(sink, item, section);
  if (!head) return;
  if (head.rich.links.length && head.rich.links.every((l) => l.url.startsWith('#'))) return;
  const children = subItems(item);
  if (GROUP.test(head.bare) && !head.rich.links.length) {
    // `- Paper` / `- Blog` directly under a heading: the children are documents of the section.
    for (const child of children) {
      const h = readHead(sink, child, section);
      if (h) readDocument(sink, h, subItems(child), kind, category, []);
    }
    return;
  }
  if (isDocument(head, kind)) {
    readDocument(sink, head, children, kind, category, []);
    return;
  }
  const codeBlocks = item.children.filter((c): c is Code => c.type === 'code');
  const things = orgKeyItem(sink, head, kind, category, keysAreOrgs) ?? readThing(sink, head, children, kind, category, null, codeBlocks);
  applyGroup(sink, things, group, head.place);
  creditPublishers(sink, things, head.place);
}

/** `Key: a, b, c`: a key and the names it lists, or null when the item is not of that shape. */
function keyedNames(text: string): { key: string; own: string[]; derived: string[] } | null {
  const m = /^\s*([^:：\n]{1,40}?)\s*[:：]\s*(.+)$/.exec(text);
  if (!m) return null;
  const [own, ...rest] = m[2].split(/(?<!\s)\s+\/\s+/);
  const split = (part: string) => part.split(/(?<!\s)\s*[,，、;；]\s*/).map((n) => cleanName(n)).filter(Boolean);
  const names = split(own);
  const derived = rest.flatMap(split);
  if (!names.length || [...names, ...derived].some((n) => looksLikeSentence(n) || n.split(/\s+/).length > 4)) return null;
  return { key: cleanName(m[1]), own: names, derived };
}

/**
 * A list whose items are mostly `Org: models` with a known organization as the key
 * (`Meta: OPT, LLaMA`, `Google: BERT, T5`): its other keys of that shape name organizations
 * too (`huggingface BigScience: BLOOM`, `ColossalAI: ColossalChat`), unless they name a model.
 */
function orgKeyedList(sink: Sink, list: List, section: string[]): boolean {
  let keyed = 0;
  let orgs = 0;
  for (const item of list.children) {
    const head = readHead(sink, item, section);
    if (!head || head.rich.links.length) continue;
    const k = keyedNames(head.rich.text);
    if (!k) continue;
    keyed++;
    if (isOrganizationName(k.key, SEED_KNOWLEDGE)) orgs++;
  }
  return keyed >= 3 && orgs / keyed >= 0.6;
}

/**
 * `Meta: OPT, LLaMA / Alpaca, Vicuna` in a section of models: an organization as the key and
 * its models as the value, each FROM_CONTRIBUTOR it. What follows ` / ` is set apart from the
 * organization's own (models derived from them, by others): models of the section, credited to
 * no one.
 */
function orgKeyItem(sink: Sink, head: Head, kind: SectionKind, category: Mention | null, keysAreOrgs: boolean): Mention[] | null {
  if (!kind || typeof kind !== 'object' || kind.label !== 'Model' || head.rich.links.length) return null;
  const k = keyedNames(head.rich.text);
  if (!k) return null;
  const isOrg = isOrganizationName(k.key, SEED_KNOWLEDGE) || (keysAreOrgs && k.key.split(/\s+/).length <= 3 && !SEED_KNOWLEDGE.isModel(k.key));
  if (!isOrg) return null;
  const prov = provenance(head.place, 'list', { text: cleanText(head.rich.text) });
  const org = organizationMention(sink, k.key, prov);
  const model = (name: string) => sink.mention({ label: 'Model', certain: true, role: 'entry', name, props: {}, provenance: provenance(head.place, 'list') });
  const things = k.own.map(model);
  for (const t of things) sink.statement('FROM_CONTRIBUTOR', t, org, prov);
  const derived = k.derived.map(model);
  if (category) for (const t of [...things, ...derived]) sink.statement('IN_CATEGORY', t, category, provenance(head.place, 'list'));
  return [...things, ...derived];
}

/**
 * A model given by its checkpoint page (`huggingface.co/mosaicml/mpt-7b`) is published by that
 * account; where the list names no contributor, the account is one, read from the link.
 */
function creditPublishers(sink: Sink, things: Mention[], place: Place): void {
  for (const t of things) {
    if (t.label !== 'Model' || !t.url || t.sharedLink || !isModelPage(t.url)) continue;
    const owner = repositoryOwner(t.url);
    if (owner && !t.props.publisher) t.props.publisher = owner;
    if (sink.hasStatement('FROM_CONTRIBUTOR', t)) continue;
    const org = publisherMention(sink, t.url, place);
    if (org) sink.statement('FROM_CONTRIBUTOR', t, org, provenance(place, 'link', { text: t.url }));
  }
}

function isDocument(head: Head, kind: SectionKind): boolean {
  if (/^(?:19|20)\d{2}-/.test(head.bare)) return true;
  const titled = head.bare.split(/\s+/).filter((w) => /\w/.test(w)).length > 3 || /[:：]/.test(head.bare);
  if (head.resources.some((r) => ['paper', 'blog'].includes(resourceKind(r.text))) && titled) return true;
  // A lone link to an article (not to a repository) in a section that lists no kind of thing.
  if (kind === 'documents') return true;
  const link = soleLink(head);
  return kind === null && !!link && !repositoryKey(link.url);
}

