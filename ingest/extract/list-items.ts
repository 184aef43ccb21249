import type { List, ListItem, Paragraph } from 'mdast';
import { cleanText, trimChars } from '../names/text.js';
import { isResourceLabel } from './documents.js';
import { richText } from './rich-text.js';
import type { Place, Sink } from './sink.js';
import type { RichText, TextLink } from './types.js';

/**
 * The first line of a list item (its head), read once for every decision made about the item:
 * what it names, which of its links point at resources, whether it is a group label.
 */

/** Sub-list labels that group the resources of the item above them. */
export const GROUP = /^(?:papers?|blogs?|surveys?|github|site|model|architecture|datasets?|conclusion|code)$/i;

export interface Head {
  rich: RichText;
  place: Place;
  /** Links naming resources of the item (`[[Paper]](…)`, `[GitHub](…)`), not things of that name. */
  resources: TextLink[];
  /** The head's text without its resource links. */
  bare: string;
}

export function readHead(sink: Sink, item: ListItem, section: string[]): Head | null {
  const paragraph = item.children.find((c): c is Paragraph => c.type === 'paragraph');
  if (!paragraph) return null;
  const rich = richText(paragraph.children);
  const resources = rich.links.filter((l) => isResourceLabel(l.text));
  let bare = rich.text;
  for (const l of [...resources].sort((a, b) => b.start - a.start)) bare = bare.slice(0, l.start) + bare.slice(l.end);
  // Brackets left by resource links (`[[Paper]](…)`, an empty `[ ]`), and a lone `]` or `[` at
  // either end; done with trims rather than look-arounds, which rescan long runs of spaces.
  bare = cleanText(bare.replace(/\[\s*\]|\[\[|\]\]/g, ' '));
  if (bare.startsWith(']')) bare = bare.slice(1).trimStart();
  if (bare.endsWith('[')) bare = bare.slice(0, -1).trimEnd();
  return {
    rich,
    place: { source: sink.source, line: item.position?.start.line ?? 0, section },
    resources,
    bare: cleanText(trimChars(bare.trimEnd(), '', '[] \t')),
  };
}

export function subItems(item: ListItem): ListItem[] {
  return item.children.filter((c): c is List => c.type === 'list').flatMap((l) => l.children);
}

/** Descriptions and dataset lines that are sentences, not names. */
export function looksLikeSentence(name: string): boolean {
  const words = name.split(/\s+/).filter(Boolean);
  return (
    words.length > 6 ||
    /^(?:a|an|based|we|our|it|this|these)\b/i.test(name) ||
    /\b(?:we|our|is|are|was|were)\b/i.test(name) ||
    /[。，？！；]/.test(name) ||
    /\?$/.test(name.trim())
  );
}

/** The link when a head is nothing but one link (`- [GitHub](…)`). */
export function soleLink(head: Head | null | undefined): TextLink | null {
  return head && head.rich.links.length === 1 && cleanText(head.rich.text) === cleanText(head.rich.links[0].text) ? head.rich.links[0] : null;
}
