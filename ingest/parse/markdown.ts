import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** One list as a Markdown syntax tree (mdast, with GFM tables), named by its file name. */
export interface SourceDocument {
  /** File name without directory, as provenance records it. */
  source: string;
  tree: Root;
}

const parser = unified().use(remarkParse).use(remarkGfm);

export function parseMarkdown(source: string, text: string): SourceDocument {
  return { source, tree: parser.parse(text) };
}
