import type { Heading, Root, RootContent } from 'mdast';
import { headingText } from '../parse/sections.js';
import { cleanName } from '../names/text.js';
import { isSizeToken } from '../names/size.js';
import { headingKind } from './section-kinds.js';

/**
 * Lists written as one heading per model with prose under it (`### ChatYuan` then a paragraph
 * saying what it is and what it is based on): each such heading names an entry, and the text
 * under it describes the entry. A heading counts only among siblings of the same shape — at
 * least three headings of one level under one parent, most of them short names over prose —
 * so ordinary section headings stay sections.
 */
export interface HeadingEntry {
  line: number;
  names: { name: string; alsoKnownAs: string[] }[];
}

const PROSE = new Set(['paragraph', 'code', 'html', 'blockquote', 'thematicBreak']);

const JOINED = /\s*(?:和|与|及|&|\band\b|\/|、)\s*/;

/** `Baize白泽` → Baize, also 白泽; `凤凰Phoenix` → Phoenix, also 凤凰. */
function withGluedAlias(part: string): { name: string; alsoKnownAs: string[] } {
  const after = /^([A-Za-z][\w.+-]*(?:\s[A-Za-z0-9][\w.+-]*)*)([\u3400-\u9fff]{1,8})$/.exec(part);
  if (after) return { name: after[1], alsoKnownAs: [after[2]] };
  const before = /^([\u3400-\u9fff]{1,8})([A-Za-z][\w.+-]*(?:\s[A-Za-z0-9][\w.+-]*)*)$/.exec(part);
  if (before) return { name: before[2], alsoKnownAs: [before[1]] };
  return { name: part, alsoKnownAs: [] };
}

/**
 * `LLaVA （更新于2023年4月19日）` → LLaVA; `Vicuna和Chinese-Vicuna` → two; `Baize白泽` → Baize, also
 * 白泽; `LLMZoo（凤凰Phoenix和Chimera）` → the models the parenthesis lists, Phoenix and Chimera (the
 * heading names the project that holds them).
 */
export function headingNames(text: string): { name: string; alsoKnownAs: string[] }[] {
  const inner = /[(（]([^()（）]{1,60})[)）]/.exec(text)?.[1] ?? '';
  const listed = inner.split(JOINED).map((p) => cleanName(p)).filter(Boolean);
  // Names, not sizes or notes: `Vicuna (7B, 13B)` and `(更新于2023年5月7日)` stay on the heading's name.
  const names = (p: string) => /[A-Za-z]{2}/.test(p) && !isSizeToken(p) && p.length <= 30 && !/\d{4}/.test(p);
  if (listed.length >= 2 && listed.every(names)) return listed.map(withGluedAlias);
  const bare = cleanName(text.replace(/[(（][^()（）]{0,60}[)）]/g, ' ').replace(/\s+/g, ' '));
  if (!bare || bare.length > 60) return [];
  // `华驼(HuaTuo)`: a Chinese name with its Latin one in the parenthesis is that one entry.
  if (listed.length === 1 && names(listed[0]) && !/[A-Za-z]/.test(bare)) return [{ name: listed[0], alsoKnownAs: [bare] }];
  return bare
    .split(JOINED)
    .map((part) => cleanName(part))
    .filter(Boolean)
    .map(withGluedAlias);
}

function nameLike(text: string): boolean {
  const bare = text.replace(/[(（][^()（）]{0,60}[)）]/g, ' ').trim();
  // `华驼(HuaTuo)`: the Latin name is in the parenthesis.
  const named = /[A-Za-z]/.test(bare) || (headingNames(text).length === 1 && /^[\u3400-\u9fff]{1,8}$/.test(bare));
  return (
    !!bare &&
    bare.length <= 40 &&
    bare.split(/\s+/).length <= 4 &&
    headingKind(bare) === undefined &&
    !/[:：。，,.!?！？]$|^[一二三四五六七八九十\d]+[、.．]/.test(bare) &&
    named
  );
}

export function headingEntries(tree: Root): Map<number, HeadingEntry> {
  type H = { node: Heading; line: number; parent: number; content: RootContent[] };
  const headings: H[] = [];
  const stack: H[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading') {
      while (stack.length && stack[stack.length - 1].node.depth >= node.depth) stack.pop();
      const h: H = { node, line: node.position?.start.line ?? 0, parent: stack.length ? stack[stack.length - 1].line : 0, content: [] };
      headings.push(h);
      stack.push(h);
    } else if (stack.length) stack[stack.length - 1].content.push(node);
  }
  const shaped = (h: H) =>
    nameLike(headingText(h.node)) && h.content.length > 0 && h.content.every((c) => PROSE.has(c.type)) && h.content.some((c) => c.type === 'paragraph' || c.type === 'code');
  const byParent = new Map<string, H[]>();
  for (const h of headings) {
    const k = `${h.parent}:${h.node.depth}`;
    byParent.set(k, [...(byParent.get(k) ?? []), h]);
  }
  const out = new Map<number, HeadingEntry>();
  for (const group of byParent.values()) {
    const fitting = group.filter(shaped);
    if (fitting.length < 3 || fitting.length / group.length < 0.6) continue;
    for (const h of fitting) {
      const names = headingNames(headingText(h.node));
      if (names.length) out.set(h.line, { line: h.line, names });
    }
  }
  return out;
}
