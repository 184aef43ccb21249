import type { Heading, Html, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { cleanText } from '../names/text.js';

/** A `<details><summary>X</summary>` block the list wraps around a table or a list. */
export interface Group {
  label: string;
  /** 1-based line of the summary. */
  line: number;
  /** Labels of the other groups at the same level under the same heading. */
  siblings: string[];
}

/** A top-level block with the heading path it sits under. */
export interface SectionedBlock {
  node: RootContent;
  section: string[];
  /** 1-based line of each heading in `section`. */
  headingLines: number[];
  /** For each heading in `section`, the other headings of its level under the same parent. */
  headingSiblings: string[][];
  /** Open `<details>` groups around the block, outermost first. */
  groups: Group[];
}

export function headingText(heading: Heading): string {
  return cleanText(toString(heading));
}

const TAG = /<(\/?)(details|summary)\b[^>]{0,200}>/gi;

/** `<b>Meta</b>` → `Meta`: the text of a summary, tags and entities dropped. */
function summaryText(html: string): string {
  return cleanText(html.replace(/<[^<>]{0,200}>/g, ' ').replace(/&nbsp;/gi, ' ').replace(/&amp;/gi, '&'));
}

interface OpenGroup {
  label: string | null;
  line: number;
  /** Where its siblings are collected: the labels of groups under the same parent. */
  peers: string[];
  children: string[];
}

/**
 * Every non-heading top-level block, in document order, with its heading path and the
 * `<details>` groups around it. Groups open at `<details>`, take their label from `<summary>`
 * and close at `</details>` (or at the next heading of the section that opened them).
 */
export function sectionBlocks(tree: Root): SectionedBlock[] {
  const path: { depth: number; text: string; line: number; peers: string[]; children: string[] }[] = [];
  const rootChildren: string[] = [];
  let groups: OpenGroup[] = [];
  let topGroups: string[] = [];
  const blocks: { block: SectionedBlock; open: OpenGroup[]; path: typeof path }[] = [];

  for (const node of tree.children) {
    if (node.type === 'heading') {
      while (path.length && path[path.length - 1].depth >= node.depth) path.pop();
      const peers = path.length ? path[path.length - 1].children : rootChildren;
      const text = headingText(node);
      peers.push(text);
      path.push({ depth: node.depth, text, line: node.position?.start.line ?? 0, peers, children: [] });
      groups = [];
      topGroups = [];
      continue;
    }
    if (node.type === 'html') {
      readGroupTags(node, groups, () => (groups.length ? groups[groups.length - 1].children : topGroups));
      continue;
    }
    blocks.push({
      block: { node, section: path.map((p) => p.text), headingLines: path.map((p) => p.line), headingSiblings: [], groups: [] },
      open: groups.filter((g) => g.label !== null).slice(),
      path: path.slice(),
    });
  }
  // Siblings are known only once the whole document is read.
  return blocks.map(({ block, open, path: at }) => ({
    ...block,
    headingSiblings: at.map((p) => p.peers.filter((t) => t !== p.text)),
    groups: open.map((g) => ({ label: g.label!, line: g.line, siblings: g.peers.filter((t) => t !== g.label) })),
  }));
}

function readGroupTags(node: Html, groups: OpenGroup[], peersNow: () => string[]): void {
  const value = node.value;
  const start = node.position?.start.line ?? 0;
  TAG.lastIndex = 0;
  for (const m of value.matchAll(TAG)) {
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    const at = m.index ?? 0;
    if (tag === 'details' && !closing) groups.push({ label: null, line: start, peers: peersNow(), children: [] });
    else if (tag === 'details' && closing) groups.pop();
    else if (tag === 'summary' && !closing && groups.length) {
      const end = value.toLowerCase().indexOf('</summary>', at);
      const label = summaryText(value.slice(at + m[0].length, end < 0 ? value.length : end));
      const group = groups[groups.length - 1];
      if (label && group.label === null) {
        group.label = label;
        group.line = start + countLines(value, at);
        group.peers.push(label);
      }
    }
  }
}

function countLines(text: string, upTo: number): number {
  let n = 0;
  for (let i = 0; i < upTo; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/**
 * The document title when the file has exactly one level-1 heading (`# My LLM`): it names the
 * list, not a section, so categories leave it out. Lists that use level 1 for sections have none.
 */
export function documentTitle(tree: Root): string | null {
  const h1 = tree.children.filter((n): n is Heading => n.type === 'heading' && n.depth === 1);
  return h1.length === 1 ? headingText(h1[0]) : null;
}
