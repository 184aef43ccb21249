import type { List, ListItem } from 'mdast';
import { repositoryKey } from '../names/links.js';
import { categoryFor, type SectionPath } from './categories.js';
import { resourceKind } from './documents.js';
import { readDocument } from './list-documents.js';
import { GROUP, readHead, soleLink, subItems, type Head } from './list-items.js';
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
  const link = soleLink(head);
  return kind === null && !!link && !repositoryKey(link.url);
}

