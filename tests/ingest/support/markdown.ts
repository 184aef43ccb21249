import type { Table } from 'mdast';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { richText } from '../../../ingest/extract/rich-text.js';
import type { RichText } from '../../../ingest/extract/types.js';
import { parseMarkdown } from '../../../ingest/parse/markdown.js';

export const CORPUS = fileURLToPath(new URL('../../../data/corpus/', import.meta.url));

/** The raw text of one corpus line (1-based), to show tests read what the file says. */
export function corpusLine(file: string, line: number): string {
  return readFileSync(`${CORPUS}${file}`, 'utf8').split('\n')[line - 1];
}

/** A single table cell written in Markdown, as the extractor sees it. */
export function cell(markdown: string): RichText {
  const tree = parseMarkdown('test.md', `| h |\n| --- |\n| ${markdown} |\n`).tree;
  const table = tree.children[0] as Table;
  return richText(table.children[1].children[0].children);
}

/** The cell of a real corpus table row (`column` is 0-based). */
export function corpusCell(file: string, line: number, column: number): RichText {
  const tree = parseMarkdown(file, readFileSync(`${CORPUS}${file}`, 'utf8')).tree;
  for (const node of tree.children) {
    if (node.type !== 'table') continue;
    const row = node.children.find((r) => r.position?.start.line === line);
    if (row) return richText(row.children[column].children);
  }
  throw new Error(`no table row at ${file}:${line}`);
}
