import type { Group } from '../parse/sections.js';
import type { Mention } from './types.js';
import type { Sink } from './sink.js';
import { provenance } from './sink.js';

/** A heading path as read by the parser, with the line of each heading and the groups around the block. */
export interface SectionPath {
  section: string[];
  headingLines: number[];
  /** For each heading, the other headings of its level under the same parent. */
  headingSiblings: string[][];
  /** Open `<details>` groups, outermost first. */
  groups: Group[];
  /** The document title, which names the list rather than a section. */
  title: string | null;
}

/** The path provenance records: headings, then the labels of the groups around the block. */
export function placeSection(at: SectionPath): string[] {
  return at.groups.length ? [...at.section, ...at.groups.map((g) => g.label)] : at.section;
}

/**
 * The Category for a section: the heading path without the document title, one mention per
 * heading per file, each filed under its parent (`Data > Pretrain Data` IN_CATEGORY `Data`).
 * Returns null outside any section.
 */
export function categoryFor(sink: Sink, at: SectionPath): Mention | null {
  const skip = at.title !== null && at.section[0] === at.title ? 1 : 0;
  let parent: Mention | null = null;
  for (let depth = skip + 1; depth <= at.section.length; depth++) {
    const path = at.section.slice(skip, depth);
    const key = path.join('\u0000');
    let mention = sink.categories.get(key) ?? null;
    if (!mention) {
      const place = { source: sink.source, line: at.headingLines[depth - 1], section: at.section.slice(0, depth) };
      mention = sink.mention({
        label: 'Category',
        certain: true,
        role: 'entry',
        name: path.join(' > '),
        props: { path },
        provenance: provenance(place, 'list'),
      });
      sink.categories.set(key, mention);
      if (parent) sink.statement('IN_CATEGORY', mention, parent, provenance(place, 'list'));
    }
    parent = mention;
  }
  return parent;
}
