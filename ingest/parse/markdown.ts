import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { chunksOf } from './chunks.js';

/** One list as a Markdown syntax tree (mdast, with GFM tables), named by its file name. */
export interface SourceDocument {
  /** File name without directory, as provenance records it. */
  source: string;
  tree: Root;
}

const parser = unified().use(remarkParse).use(remarkGfm);

/**
 * Texts above this size (32 KB, a few hundred rows) are parsed in pieces cut between top-level blocks (parse/chunks.ts), so
 * that memory follows the largest piece, not the whole list; smaller ones in one go.
 */
export const CHUNK_CHARS = 32 * 1024;

export function parseMarkdown(source: string, text: string, chunkChars = CHUNK_CHARS): SourceDocument {
  const tree: Root = { type: 'root', children: [], position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } };
  const pieces = [...markdownPieces(text, chunkChars)];
  if (pieces.length === 1) return { source, tree: pieces[0] };
  for (const part of pieces) {
    for (const node of part.children) tree.children.push(node);
    tree.position!.end = part.position!.end;
  }
  return { source, tree };
}

/**
 * The text parsed piece by piece (one piece for a text under `chunkChars`), each tree with the
 * positions it has in the whole text. A piece is parsed only when asked for.
 */
export function* markdownPieces(text: string, chunkChars = CHUNK_CHARS): Generator<Root> {
  const chunks = chunksOf(text, chunkChars);
  if (chunks.length === 1) {
    yield parser.parse(text);
    return;
  }
  for (const chunk of chunks) {
    const part = parser.parse(chunk.text);
    visit(part, (node) => {
      for (const point of node.position ? [node.position.start, node.position.end] : []) {
        point.line += chunk.lineOffset;
        if (point.offset !== undefined) point.offset += chunk.charOffset;
      }
    });
    yield part;
  }
}
