import type { ListItem } from 'mdast';
import type { PropValue } from '../graph/types.js';
import { arxivId } from '../names/links.js';
import { isPlaceholder } from '../names/placeholders.js';
import { cleanText } from '../names/text.js';
import { isResourceLabel, paperName, readTitle, resourceKind, titleFromUrl, titleSubject } from './documents.js';
import { looksLikeSentence, readHead, soleLink, subItems, type Head } from './list-items.js';
import { describeClaims } from './prose/claims.js';
import type { SectionKind } from './section-kinds.js';
import { provenance, type Place, type Sink } from './sink.js';
import type { Mention, TextLink } from './types.js';

/** Papers and posts in lists: `Title [[Paper]](url)`, `2023-Title [[paper](file.pdf)]`, a model's `[Paper](…)`. */

/** A paper or post: one Paper node, filed under its section, linked to what its title names. */
export function readDocument(sink: Sink, head: Head, children: ListItem[], kind: SectionKind, category: Mention | null, describes: Mention[]): Mention {
  // A title without a link may have it on the next line (`- [Paper](…)`, `- [GitHub](…)`).
  const childHeads = describes.length ? [] : children.map((c) => ({ item: c, head: readHead(sink, c, head.place.section) }));
  const childPaper = childHeads.map((c) => soleLink(c.head)).find((l) => l && resourceKind(l.text) === 'paper');
  const childCode = childHeads.map((c) => soleLink(c.head)).find((l) => l && resourceKind(l.text) === 'repository');
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
  for (const { item, head: h } of childHeads) {
    if (!h) continue;
    const only = soleLink(h);
    if (only && (only === childPaper || only === childCode)) continue;
    if (/^(?:19|20)\d{2}-/.test(h.bare) || (only && !isResourceLabel(only.text))) {
      // A related paper or article filed under this one.
      readDocument(sink, h, subItems(item), kind, category, []);
    } else sink.note('skipped', h.place, cleanText(h.rich.text), `comment under "${title}"`);
  }
  return paper;
}

export function paperMention(sink: Sink, link: TextLink, place: Place, owner?: string): Mention {
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

