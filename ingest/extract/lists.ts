import type { List, ListItem, Paragraph } from 'mdast';
import { nameKey } from '../graph/name-key.js';
import type { NodeLabel, PropValue } from '../graph/types.js';
import { arxivId, repositoryKey, repositoryName } from '../names/links.js';
import { isPlaceholder } from '../names/placeholders.js';
import { cleanName, cleanText } from '../names/text.js';
import { categoryFor, type SectionPath } from './categories.js';
import { readNames } from './cells.js';
import { isResourceLabel, paperName, readTitle, resourceKind, titleFromUrl, titleSubject } from './documents.js';
import { describeClaims } from './prose/claims.js';
import { richText, sliceRich } from './rich-text.js';
import { sectionKind, type SectionKind } from './section-kinds.js';
import { provenance, type Place, type Sink } from './sink.js';
import type { Mention, RichText, TextLink } from './types.js';

/**
 * Reads bullet lists: the nested model lists of my-llm (a model, then its Paper/GitHub links,
 * Architecture and Datasets sub-lists) and the paper lists of the alignment survey
 * (`Title [[Paper]](url)` under a heading tree). One walker serves both: each item is read
 * as a document (a paper, a blog post), a thing (a model, a dataset, a tool) or a group label
 * (`Paper`, `GitHub`, `Datasets`) whose children belong to the item above it.
 */

/** Sub-list labels that group the resources of the item above them. */
const GROUP = /^(?:papers?|blogs?|surveys?|github|site|model|architecture|datasets?|conclusion|code)$/i;

interface Head {
  rich: RichText;
  place: Place;
  /** Links naming resources of the item (`[[Paper]](…)`, `[GitHub](…)`), not things of that name. */
  resources: TextLink[];
  /** The head's text without its resource links. */
  bare: string;
}

function readHead(sink: Sink, item: ListItem, section: string[]): Head | null {
  const paragraph = item.children.find((c): c is Paragraph => c.type === 'paragraph');
  if (!paragraph) return null;
  const rich = richText(paragraph.children);
  const resources = rich.links.filter((l) => isResourceLabel(l.text));
  let bare = rich.text;
  for (const l of [...resources].sort((a, b) => b.start - a.start)) bare = bare.slice(0, l.start) + bare.slice(l.end);
  bare = cleanText(bare.replace(/\[\s*\]|\[\[|\]\]|\[(?=\s*$)|(?<=^\s*)\]/g, ' ').replace(/\[\s*$|^\s*\]/g, ''));
  return {
    rich,
    place: { source: sink.source, line: item.position?.start.line ?? 0, section },
    resources,
    bare: cleanText(bare.replace(/[[\]]+\s*$/, '')),
  };
}

function subItems(item: ListItem): ListItem[] {
  return item.children.filter((c): c is List => c.type === 'list').flatMap((l) => l.children);
}

/** Descriptions and dataset lines that are sentences, not names. */
function looksLikeSentence(name: string): boolean {
  const words = name.split(/\s+/).filter(Boolean);
  return (
    words.length > 6 ||
    /^(?:a|an|based|we|our|it|this|these)\b/i.test(name) ||
    /\b(?:we|our|is|are|was|were)\b/i.test(name) ||
    /[。，？！；]/.test(name)
  );
}

export function extractList(sink: Sink, list: List, at: SectionPath): void {
  const kind = sectionKind(at.section);
  if (kind === 'skip') return;
  const category = categoryFor(sink, at);
  for (const item of list.children) readItem(sink, item, at, kind, category);
}

function readItem(sink: Sink, item: ListItem, at: SectionPath, kind: SectionKind, category: Mention | null): void {
  const head = readHead(sink, item, at.section);
  if (!head) return;
  if (head.rich.links.length && head.rich.links.every((l) => l.url.startsWith('#'))) return;
  const children = subItems(item);
  if (GROUP.test(head.bare) && !head.rich.links.length) {
    // `- Paper` / `- Blog` directly under a heading: the children are documents of the section.
    for (const child of children) {
      const h = readHead(sink, child, at.section);
      if (h) readDocument(sink, h, subItems(child), kind, category, []);
    }
    return;
  }
  if (isDocument(head, kind)) {
    readDocument(sink, head, children, kind, category, []);
    return;
  }
  readThing(sink, head, children, kind, category, null);
}

function isDocument(head: Head, kind: SectionKind): boolean {
  if (/^(?:19|20)\d{2}-/.test(head.bare)) return true;
  const titled = head.bare.split(/\s+/).filter((w) => /\w/.test(w)).length > 3 || /[:：]/.test(head.bare);
  if (head.resources.some((r) => ['paper', 'blog'].includes(resourceKind(r.text))) && titled) return true;
  // A lone link to an article (not to a repository) in a section that lists no kind of thing.
  if (kind === 'documents') return true;
  const onlyLink = head.rich.links.length === 1 && cleanText(head.rich.text) === cleanText(head.rich.links[0].text);
  return kind === null && onlyLink && !repositoryKey(head.rich.links[0].url);
}

/** A paper or post: one Paper node, filed under its section, linked to what its title names. */
function readDocument(sink: Sink, head: Head, children: ListItem[], kind: SectionKind, category: Mention | null, describes: Mention[]): Mention {
  // A title without a link may have it on the next line (`- [Paper](…)`, `- [GitHub](…)`).
  const childHeads = describes.length ? [] : children.map((c) => ({ item: c, head: readHead(sink, c, head.place.section) }));
  const onlyLinkOf = (h: Head | null) => (h && h.rich.links.length === 1 && cleanText(h.rich.text) === cleanText(h.rich.links[0].text) ? h.rich.links[0] : null);
  const childPaper = childHeads.map((c) => onlyLinkOf(c.head)).find((l) => l && resourceKind(l.text) === 'paper');
  const childCode = childHeads.map((c) => onlyLinkOf(c.head)).find((l) => l && resourceKind(l.text) === 'repository');
  const link =
    head.resources.find((r) => resourceKind(r.text) === 'paper') ??
    head.resources.find((r) => resourceKind(r.text) === 'blog') ??
    head.rich.links[0] ??
    childPaper ??
    undefined;
  const fromText = head.bare ? readTitle(head.bare) : null;
  const fromUrl = link ? titleFromUrl(link.url) : null;
  // A PDF named after the paper gives the full title where the list writes a short one (`ERNIE 3.0`).
  const short = !fromText || fromText.title.split(/\s+/).length <= 3;
  const title = (short && fromUrl?.title) || fromText?.title || (link ? paperName(link.url, link.text) : '');
  const year = fromText?.year ?? fromUrl?.year;
  const props: Record<string, PropValue> = { kind: link ? resourceKind(link.text) === 'blog' ? 'blog' : 'paper' : 'paper' };
  if (link?.url) props.url = link.url;
  const id = link ? arxivId(link.url) : null;
  if (id) props.arxivId = id;
  if (year) props.year = year;
  const code = head.resources.find((r) => resourceKind(r.text) === 'repository') ?? childCode;
  if (code) props.code = code.url;
  const paper = sink.mention({
    label: 'Paper',
    certain: true,
    role: 'entry',
    name: title,
    alsoKnownAs: [fromUrl?.title, fromText?.title].filter((t): t is string => !!t && t !== title).slice(0, 1),
    url: link?.url || undefined,
    props,
    provenance: provenance(head.place, 'list'),
  });
  if (category) sink.statement('IN_CATEGORY', paper, category, provenance(head.place, 'list'));
  for (const d of describes) sink.statement('DESCRIBED_IN', d, paper, provenance(head.place, 'list'));

  const subject = describes.length ? null : titleSubject(title);
  if (subject && !isPlaceholder(subject.name) && !looksLikeSentence(subject.name)) {
    // Under a `Models` heading a dated title names a model of the list; elsewhere only a known one.
    const listed = typeof kind === 'object' && kind?.label === 'Model' && kind.certain;
    const thing = sink.mention({
      label: 'Model',
      certain: listed,
      role: listed ? 'entry' : 'reference',
      tentative: listed ? undefined : true,
      name: subject.name,
      props: {},
      provenance: provenance(head.place, 'list'),
    });
    if (listed && category) sink.statement('IN_CATEGORY', thing, category, provenance(head.place, 'list'));
    sink.statement('DESCRIBED_IN', thing, paper, provenance(head.place, 'list'));
    if (subject.rest) describeClaims(sink, { text: subject.rest, links: [], bold: [] }, [thing], head.place);
  }
  if (describes.length) readResources(sink, describes, children, 2);
  for (const { item, head: h } of childHeads) {
    if (!h) continue;
    const only = onlyLinkOf(h);
    if (only && (only === childPaper || only === childCode)) continue;
    if (/^(?:19|20)\d{2}-/.test(h.bare) || (only && !isResourceLabel(only.text))) {
      // A related paper or article filed under this one.
      readDocument(sink, h, subItems(item), kind, category, []);
    } else sink.note('skipped', h.place, cleanText(h.rich.text), `comment under "${title}"`);
  }
  return paper;
}

/** A model, dataset, method or tool: its name, link, description, and the sub-lists that describe it. */
function readThing(sink: Sink, head: Head, children: ListItem[], kind: SectionKind, category: Mention | null, parent: Mention | null): Mention[] {
  const repoLink = head.resources.find((r) => resourceKind(r.text) === 'repository') ?? childRepository(sink, head, children);
  let label: NodeLabel;
  let certain: boolean;
  if (kind && typeof kind === 'object') {
    ({ label, certain } = kind);
    // Products with a repository are software; the rest of that section are models and services.
    if (!kind.certain && kind.label === 'Model' && repoLink) label = 'Project';
  } else if (repoLink || head.rich.links.some((l) => repositoryKey(l.url))) {
    ({ label, certain } = { label: 'Project', certain: false });
  } else {
    if (head.bare && !isPlaceholder(head.bare)) sink.note('unreadable', head.place, head.rich.text, 'list item in a section that names no kind of thing');
    return [];
  }

  // The name is the leading link, or the text before a colon, or the whole head.
  const rich = head.rich;
  const lead = rich.links.find((l) => !isResourceLabel(l.text));
  const startsWithLink = lead && cleanText(rich.text.slice(0, lead.start)) === '';
  let nameRich: RichText;
  let description: RichText;
  if (startsWithLink) {
    nameRich = sliceRich(rich, lead.start, lead.end);
    description = sliceRich(rich, lead.end, rich.text.length);
  } else {
    const colon = rich.text.search(/[:：]/);
    const end = colon >= 0 ? colon : rich.text.length;
    nameRich = sliceRich(rich, 0, end);
    description = colon >= 0 ? sliceRich(rich, colon + 1, rich.text.length) : { text: '', links: [], bold: [] };
  }
  for (const r of head.resources) {
    // Resource links are not part of the name or the description.
    nameRich = { ...nameRich, links: nameRich.links.filter((l) => l.url !== r.url) };
  }
  const reading = readNames(stripResources(nameRich, head.resources), /[&、]/);
  let pieces = reading.pieces.map((p) => ({ ...p, name: p.name.replace(/^(?:the|an?)\s+/i, '') }));
  if (pieces.length === 1 && looksLikeSentence(pieces[0].name) && repoLink) {
    // `Training and serving … with auto parallelization. [[Github]](…/alpa)`: named by its repository.
    description = { text: pieces[0].name, links: [], bold: [] };
    pieces = [{ name: repositoryName(repoLink.url) ?? pieces[0].name }];
  }
  const things: Mention[] = [];
  for (const piece of pieces) {
    if (!piece.name || isPlaceholder(piece.name)) continue;
    if (looksLikeSentence(piece.name)) {
      sink.note('unreadable', head.place, piece.name, 'a sentence where a name was expected');
      continue;
    }
    const url = piece.url ?? repoLink?.url;
    const props: Record<string, PropValue> = {};
    // `The OIG Dataset` filed under benchmarks is still a dataset.
    const pieceLabel = /\b(?:dataset|data|corpus|corpora)$/i.test(piece.name) ? 'Dataset' : label;
    if (url) props.url = url;
    const text = cleanText(description.text.replace(/\n/g, ' ')).replace(/^[-–—:：\s]+/, '');
    if (text) props.mainFeature = text;
    things.push(
      sink.mention({
        label: pieceLabel,
        certain,
        role: 'entry',
        name: piece.name,
        alsoKnownAs: piece.alsoKnownAs,
        url,
        sharedLink: piece.sharedLink || (pieces.length > 1 && !piece.url && !!repoLink) || undefined,
        props,
        provenance: provenance(head.place, 'list'),
      }),
    );
  }
  for (const t of things) {
    if (category) sink.statement('IN_CATEGORY', t, category, provenance(head.place, 'list'));
    if (parent) sink.statement('RELATED_TO', t, parent, provenance(head.place, 'list'));
  }
  if (!things.length) return things;

  // Inline papers (`Llama V1 & V2 … [[Paper V1]](…) [[Paper V2]](…)`) pair with the names in order.
  const papers = head.resources.filter((r) => resourceKind(r.text) === 'paper');
  papers.forEach((p, i) => {
    const paper = paperMention(sink, p, head.place, things[i]?.name ?? things[0].name);
    const owners = papers.length === things.length && things.length > 1 ? [things[i]] : things;
    for (const t of owners) sink.statement('DESCRIBED_IN', t, paper, provenance(head.place, 'list'));
  });
  for (const blog of head.resources.filter((r) => resourceKind(r.text) === 'blog')) {
    for (const t of things) t.props.blog = blog.url;
  }
  if (description.text.trim()) describeClaims(sink, description, things, head.place);
  readResources(sink, things, children, 1);
  return things;
}

/**
 * `a mixture of filtered webpages, books, Wikipedia, news articles, …` under Datasets: the
 * capitalised items may be datasets the lists name elsewhere; each is kept only if it is.
 */
function namedInDescription(sink: Sink, things: Mention[], head: Head): void {
  const text = cleanText(head.rich.text.replace(/\([^()]*\)/g, ' '));
  for (const part of text.split(/,|\band\b|、/)) {
    const name = cleanName(part.replace(/^(?:the|a|an)\s+/i, ''));
    if (!/^[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,2}$/.test(name)) continue;
    const m = sink.mention({ label: 'Dataset', certain: true, role: 'reference', tentative: true, name, props: {}, provenance: provenance(head.place, 'list') });
    for (const t of things) sink.statement('TRAINED_WITH', t, m, provenance(head.place, 'list'));
  }
}

function stripResources(rich: RichText, resources: TextLink[]): RichText {
  let text = rich.text;
  for (const r of resources) text = text.split(r.text).join(' '.repeat(r.text.length));
  return { ...rich, text: text.replace(/\[\[|\]\]|\[\s*\]/g, (m) => ' '.repeat(m.length)) };
}

/** The repository a thing's own `[GitHub](…)` sub-item gives, which identifies it. */
function childRepository(sink: Sink, head: Head, children: ListItem[]): TextLink | undefined {
  for (const child of children) {
    const h = readHead(sink, child, head.place.section);
    if (!h) continue;
    const only = h.rich.links.length === 1 && cleanText(h.rich.text) === cleanText(h.rich.links[0].text);
    if (only && resourceKind(h.rich.links[0].text) === 'repository' && repositoryKey(h.rich.links[0].url)) return h.rich.links[0];
    if (/^github$/i.test(h.bare) && !h.rich.links.length) {
      // `- GitHub` group: only a link spelled like the thing is the thing itself.
      for (const g of subItems(child)) {
        const gh = readHead(sink, g, head.place.section);
        const l = gh?.rich.links[0];
        if (l && nameKey(l.text) === nameKey(head.bare.split(/[:：]/)[0]) && repositoryKey(l.url)) return l;
      }
    }
  }
  return undefined;
}

function paperMention(sink: Sink, link: TextLink, place: Place, owner?: string): Mention {
  const id = arxivId(link.url);
  const fromUrl = titleFromUrl(link.url);
  const props: Record<string, PropValue> = { url: link.url, kind: 'paper' };
  if (id) props.arxivId = id;
  if (fromUrl?.year) props.year = fromUrl.year;
  return sink.mention({
    label: 'Paper',
    certain: true,
    role: 'reference',
    name: paperName(link.url, link.text, owner ? `${owner} paper` : undefined),
    url: link.url,
    props,
    provenance: provenance(place, 'list'),
  });
}

function addLink(things: Mention[], url: string): void {
  for (const t of things) {
    if (t.props.url === url) continue;
    const links = (t.props.links as string[] | undefined) ?? [];
    if (!links.includes(url)) t.props.links = [...links, url];
  }
}

/**
 * The sub-list of a thing: resource links, `Paper` and `GitHub` groups, `Architecture` and
 * `Datasets` (which may sit under a paper, as for GLM-130B), and sub-things such as the
 * variants of a method. `depth` 1 is directly under the thing.
 */
function readResources(sink: Sink, things: Mention[], children: ListItem[], depth: number): void {
  const section = things[0].provenance.section;
  for (const child of children) {
    const h = readHead(sink, child, section);
    if (!h) continue;
    const grand = subItems(child);
    const onlyLink = h.rich.links.length === 1 && cleanText(h.rich.text) === cleanText(h.rich.links[0].text) ? h.rich.links[0] : null;
    const group = !h.rich.links.length && GROUP.test(h.bare) ? h.bare.toLowerCase() : null;
    if (group?.startsWith('paper')) {
      for (const g of grand) {
        const gh = readHead(sink, g, section);
        if (gh) readDocument(sink, gh, subItems(g), null, null, things);
      }
    } else if (group === 'architecture' || group?.startsWith('dataset')) {
      for (const g of grand) {
        const gh = readHead(sink, g, section);
        if (!gh) continue;
        const name = cleanName(readNames(gh.rich, /[&、]/).pieces.map((p) => p.name).join(' ')).replace(/^(?:the|an?)\s+/i, '');
        if (!name || looksLikeSentence(name) || gh.rich.text.trim().startsWith('a ')) {
          sink.note('unreadable', gh.place, cleanText(gh.rich.text), `a description, not a name, under "${h.bare}"`);
          if (group !== 'architecture') namedInDescription(sink, things, gh);
          continue;
        }
        const isArch = group === 'architecture';
        const m = sink.mention({
          label: isArch ? 'Method' : 'Dataset',
          certain: true,
          role: 'reference',
          name,
          ...(gh.rich.links[0] ? { url: gh.rich.links[0].url } : {}),
          props: isArch ? { kind: 'architecture' } : {},
          provenance: provenance(gh.place, 'list'),
        });
        for (const t of things) sink.statement(isArch ? 'HAS_ARCHITECTURE' : 'TRAINED_WITH', t, m, provenance(gh.place, 'list'));
        readResources(sink, [m], subItems(g), 1);
      }
    } else if (group === 'github' || group === 'blog' || group === 'site' || group === 'code') {
      for (const g of grand) {
        const l = readHead(sink, g, section)?.rich.links[0];
        if (l) addLink(things, l.url);
      }
    } else if (group === 'conclusion' || group === 'model') {
      continue;
    } else if (onlyLink && resourceKind(onlyLink.text) === 'paper') {
      const paper = paperMention(sink, onlyLink, h.place, things[0].name);
      for (const t of things) sink.statement('DESCRIBED_IN', t, paper, provenance(h.place, 'list'));
    } else if (onlyLink && /report|paper/i.test(onlyLink.text)) {
      const paper = paperMention(sink, onlyLink, h.place, things[0].name);
      for (const t of things) sink.statement('DESCRIBED_IN', t, paper, provenance(h.place, 'list'));
    } else if (onlyLink) {
      if (depth === 1 && resourceKind(onlyLink.text) === 'repository' && things.every((t) => t.url === onlyLink.url)) continue;
      addLink(things, onlyLink.url);
    } else if (/^(?:19|20)\d{2}-/.test(h.bare)) {
      readDocument(sink, h, grand, null, null, things);
    } else {
      const label = things[0].label;
      if ((label === 'Method' || label === 'Project') && h.bare && !looksLikeSentence(h.bare)) {
        readThing(sink, h, grand, { label, certain: false }, null, things[0]);
      } else {
        sink.note('skipped', h.place, cleanText(h.rich.text), `sub-item of ${things[0].name} not read`);
      }
    }
  }
}
