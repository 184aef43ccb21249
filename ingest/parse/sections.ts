import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { cleanText } from '../names/text.js';

/** A top-level block with the heading path it sits under. */
export interface SectionedBlock {
  node: RootContent;
  section: string[];
  /** 1-based line of each heading in `section`. */
  headingLines: number[];
}

export function headingText(heading: Heading): string {
  return cleanText(toString(heading));
}

/** Every non-heading top-level block, in document order, with its heading path. */
export function sectionBlocks(tree: Root): SectionedBlock[] {
  return new Sections().blocks(tree.children);
}

/** The heading path as blocks go by, kept from one piece of a document to the next. */
export class Sections {
  private readonly path: { depth: number; text: string; line: number }[] = [];

  blocks(nodes: readonly RootContent[]): SectionedBlock[] {
    const path = this.path;
    const blocks: SectionedBlock[] = [];
    for (const node of nodes) {
      if (node.type === 'heading') {
        while (path.length && path[path.length - 1].depth >= node.depth) path.pop();
        path.push({ depth: node.depth, text: headingText(node), line: node.position?.start.line ?? 0 });
        continue;
      }
      blocks.push({ node, section: path.map((p) => p.text), headingLines: path.map((p) => p.line) });
    }
    return blocks;
  }
}

/**
 * The document title when the file has exactly one level-1 heading (`# My LLM`): it names the
 * list, not a section, so categories leave it out. Lists that use level 1 for sections have none.
 */
export function documentTitle(tree: Root): string | null {
  const h1 = topHeadings(tree.children);
  return h1.length === 1 ? headingText(h1[0]) : null;
}

/** Level-1 headings among top-level blocks. */
export function topHeadings(nodes: readonly RootContent[]): Heading[] {
  return nodes.filter((n): n is Heading => n.type === 'heading' && n.depth === 1);
}
