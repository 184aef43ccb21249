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
  const path: { depth: number; text: string; line: number }[] = [];
  const blocks: SectionedBlock[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading') {
      while (path.length && path[path.length - 1].depth >= node.depth) path.pop();
      path.push({ depth: node.depth, text: headingText(node), line: node.position?.start.line ?? 0 });
      continue;
    }
    blocks.push({ node, section: path.map((p) => p.text), headingLines: path.map((p) => p.line) });
  }
  return blocks;
}

/**
 * The document title when the file has exactly one level-1 heading (`# My LLM`): it names the
 * list, not a section, so categories leave it out. Lists that use level 1 for sections have none.
 */
export function documentTitle(tree: Root): string | null {
  const h1 = tree.children.filter((n): n is Heading => n.type === 'heading' && n.depth === 1);
  return h1.length === 1 ? headingText(h1[0]) : null;
}
