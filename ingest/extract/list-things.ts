import { isArticleUrl } from '../names/links.js';
import type { Code, ListItem } from 'mdast';
import { nameKey } from '../graph/name-key.js';
import type { NodeLabel, PropValue } from '../graph/types.js';
import { repositoryKey, repositoryName } from '../names/links.js';
import { isLicense } from '../names/licenses.js';
import { isPlaceholder } from '../names/placeholders.js';
import { readDate } from '../names/dates.js';
import { cleanName, cleanText } from '../names/text.js';
import { SEED_KNOWLEDGE } from './knowledge.js';
import { organizationMention } from './mentions.js';
import { isOrganizationName } from './organizations.js';
import { readNames } from './cells.js';
import { isResourceLabel, resourceKind } from './documents.js';
import { paperMention, readDocument } from './list-documents.js';
import { GROUP, looksLikeSentence, readHead, soleLink, subItems, type Head } from './list-items.js';
import { applyKeyList, applyKeyValue, keyValue } from './list-keys.js';
import { noteDerivation } from './derivation.js';
import { describeClaims } from './prose/claims.js';
import { sliceRich } from './rich-text.js';
import type { SectionKind } from './section-kinds.js';
import { provenance, type Sink } from './sink.js';
import type { Mention, RichText, TextLink } from './types.js';

/** Things in lists: a model, dataset, method or tool item, and the sub-lists that describe it. */

/** A model, dataset, method or tool: its name, link, description, and the sub-lists that describe it. */
/**
 * `lychee_law-律知`, `ChatLaw-法律大模型`: a Latin name, a hyphen, then its Chinese name or what
 * it is. The Latin name names it; a Chinese name is another name for it, a description is dropped.
 */
function withCjkSuffix<P extends { name: string; alsoKnownAs?: string[] }>(piece: P): P {
  const m = /^([A-Za-z][\w.+]*(?:-[A-Za-z0-9][\w.+]*)*)-([\u3400-\u9fff·•]{1,10})$/.exec(piece.name);
  if (!m) return piece;
  const described = /(?:模型|大模型|系统|项目|框架|工具|数据集)$/.test(m[2]);
  return { ...piece, name: m[1], alsoKnownAs: [...(piece.alsoKnownAs ?? []), ...(described ? [] : [m[2]])] };
}

/** Words of a title, not a name: five or more words, or Japanese or Chinese particles between words. */
function isArticleTitle(name: string): boolean {
  return name.length >= 12 && (name.split(/\s+/).length >= 5 || /[\u3400-\u9fff\u30a0-\u30ffA-Za-z][のでをにはがとへ的了][\u3400-\u9fff\u3040-\u30ffA-Za-z]/.test(name));
}

export function readThing(sink: Sink, head: Head, children: ListItem[], kind: SectionKind, category: Mention | null, parent: Mention | null, codeBlocks: Code[] = []): Mention[] {
  const repoLink = head.resources.find((r) => resourceKind(r.text) === 'repository') ?? childRepository(sink, head, children);
  let label: NodeLabel;
  let certain: boolean;
  if (kind && typeof kind === 'object') {
    ({ label, certain } = kind);
    // Where the heading only suggests a kind, an item given by its repository is software:
    // a product with a GitHub link (AgentGPT), a survey entry cited as `[[Github]]` (Code Alpaca).
    const inlineRepo = head.resources.some((r) => resourceKind(r.text) === 'repository');
    if (!kind.certain && ((kind.label === 'Model' && repoLink) || inlineRepo)) label = 'Project';
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
  // `**Imagen** [[Google]](…) May 2022`: a name in bold that opens the item.
  const leadBold = rich.bold.find((b) => cleanText(rich.text.slice(0, b.start)) === '' && b.end > b.start && !rich.links.some((l) => l.start < b.end && l.end > b.start));
  let nameRich: RichText;
  let description: RichText;
  if (startsWithLink) {
    nameRich = sliceRich(rich, lead.start, lead.end);
    description = sliceRich(rich, lead.end, rich.text.length);
  } else if (leadBold && !/[:：]/.test(rich.text.slice(leadBold.start, leadBold.end))) {
    nameRich = sliceRich(rich, leadBold.start, leadBold.end);
    description = sliceRich(rich, leadBold.end, rich.text.length);
  } else {
    const colon = rich.text.search(/[:：]/);
    let end = colon >= 0 ? colon : rich.text.length;
    // `XrayGLM，首个会看胸部X光片的中文多模态医学大模型：`: the name, then what it is.
    const comma = rich.text.slice(0, end).search(/[，,]/);
    const said = comma > 0 ? /[\u3400-\u9fff]{4}/.test(rich.text.slice(comma, end)) && !/[\u3400-\u9fff]/.test(rich.text.slice(0, comma)) : false;
    if (said) end = comma;
    nameRich = sliceRich(rich, 0, end);
    description = end < rich.text.length ? sliceRich(rich, end + 1, rich.text.length) : { text: '', links: [], bold: [] };
  }
  for (const r of head.resources) {
    // Resource links are not part of the name or the description.
    nameRich = { ...nameRich, links: nameRich.links.filter((l) => l.url !== r.url) };
  }
  const reading = readNames(stripResources(nameRich, head.resources), /[&、]/, { repoIds: true });
  let pieces = reading.pieces.map((p) => ({ ...p, name: p.name.replace(/^(?:the|an?)\s+/i, '') })).map(withCjkSuffix);
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
    if (isLicense(piece.name)) {
      sink.note('skipped', head.place, piece.name, 'a licence, not a thing of the section');
      continue;
    }
    // `[ABEJAで作った大規模GPTモデルとその道のり](tech-blog.abeja.asia/entry/…)` under Models: an article
    // about one, titled as articles are (a release post, `[Qwen2](qwenlm.github.io/blog/qwen2)`, names its model).
    if (piece.url && !piece.owner && isArticleUrl(piece.url) && isArticleTitle(piece.name)) {
      sink.note('skipped', head.place, piece.name, 'an article (its link is a blog or post), not a thing of the section');
      continue;
    }
    const url = piece.url ?? repoLink?.url;
    const props: Record<string, PropValue> = {};
    if (piece.parameters?.length) props.parameters = piece.parameters;
    if (piece.owner) props.publisher = piece.owner;
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
        writtenAs: piece.writtenAs,
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
  creditBracketedOrganizations(sink, things, description, head);
  const date = headDate(description.text);
  if (date) for (const t of things) if (t.label === 'Model') t.props.releaseDate ??= date;
  if (description.text.trim()) {
    noteDerivation(things, cleanText(description.text), head.place, 'text');
    describeClaims(sink, description, things, head.place);
  }
  readResources(sink, things, children, 1);
  for (const code of codeBlocks) readCodeKeys(sink, things, code, head);
  return things;
}

/** `**Imagen** [[Google]](…)`, `[[BAAI, Alibaba]]()`: organizations in brackets right after the name. */
function creditBracketedOrganizations(sink: Sink, things: Mention[], description: RichText, head: Head): void {
  const models = things.filter((t) => t.label === 'Model');
  const first = description.links[0];
  if (!models.length || !first || cleanText(description.text.slice(0, first.start)) !== '' || !/^\[.*\]$/.test(first.text.trim())) return;
  const names = first.text.trim().slice(1, -1).split(/(?<!\s)\s*[,&/、]\s*/).map((n) => cleanName(n)).filter(Boolean);
  if (!names.length || !names.every((n) => isOrganizationName(n, SEED_KNOWLEDGE) || /^[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3}$/.test(n))) return;
  if (!names.some((n) => isOrganizationName(n, SEED_KNOWLEDGE))) return;
  const prov = provenance(head.place, 'list', { text: first.text });
  for (const n of names) {
    const org = organizationMention(sink, n, prov);
    for (const m of models) sink.statement('FROM_CONTRIBUTOR', m, org, prov);
  }
}

/** `May 2022`, `2023/04` written right after an item's name: when it was released. */
const HEAD_DATE = /(?:^|\s)((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?:19|20)\d{2}|(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])(?:[-/.](?:0?[1-9]|[12]\d|3[01]))?)(?=\s|$|[,;)）])/;

function headDate(text: string): string | null {
  const m = HEAD_DATE.exec(text.split('\n')[0].slice(0, 120));
  return m ? readDate(m[1]) : null;
}

/** A code block inside an item (```yaml`, indented) whose lines are `key: value` pairs the lexicon knows. */
function readCodeKeys(sink: Sink, things: Mention[], code: Code, head: Head): void {
  const lines = code.value.split('\n');
  const start = code.position?.start.line ?? head.place.line;
  // A fenced block spans its two fence lines as well; its first value line follows the opening one.
  const fenced = (code.position ? code.position.end.line - start + 1 : lines.length) > lines.length;
  lines.forEach((line, i) => {
    if (line.length > 400) return;
    const rich: RichText = { text: line, links: [], bold: [] };
    const h: Head = { rich, place: { ...head.place, line: start + i + (fenced ? 1 : 0) }, resources: [], bare: cleanText(line) };
    const kv = keyValue(h);
    if (kv) applyKeyValue(sink, things, kv, h);
  });
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
    const only = soleLink(h);
    if (only && resourceKind(only.text) === 'repository' && repositoryKey(only.url)) return only;
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
export function readResources(sink: Sink, things: Mention[], children: ListItem[], depth: number): void {
  const section = things[0].provenance.section;
  for (const child of children) {
    const h = readHead(sink, child, section);
    if (!h) continue;
    const grand = subItems(child);
    const kv = keyValue(h, grand.length > 0);
    if (kv && !cleanText(kv.value.text) && grand.length) {
      applyKeyList(sink, things, kv, grand.map((g) => readHead(sink, g, section)).filter((g): g is Head => !!g));
      continue;
    }
    if (kv && applyKeyValue(sink, things, kv, h)) continue;
    const onlyLink = soleLink(h);
    const group = !h.rich.links.length && GROUP.test(h.bare) ? h.bare.toLowerCase() : null;
    if (group?.startsWith('paper')) {
      for (const g of grand) {
        const gh = readHead(sink, g, section);
        if (!gh) continue;
        readDocument(sink, gh, [], null, null, things);
        // GLM's Architecture and Datasets sit under its paper: they still describe GLM.
        readResources(sink, things, subItems(g), 2);
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
      readDocument(sink, h, [], null, null, things);
      readResources(sink, things, grand, 2);
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
