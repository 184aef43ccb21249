import type { SourceDocument } from '../parse/markdown.js';
import { documentTitle, sectionBlocks } from '../parse/sections.js';
import { placeSection, type SectionPath } from './categories.js';
import { DEFAULT_CONTEXT, type ReadContext } from './context.js';
import { extractList } from './lists.js';
import { extractParagraph } from './paragraphs.js';
import { Sink } from './sink.js';
import { extractTable } from './tables/table.js';
import type { Extraction } from './types.js';

/**
 * Everything one list states: every block of every section is read by the extractor for its
 * shape (tables, bullet lists, paragraphs); blocks nothing reads are noted for the report.
 * `ctx` carries what the other lists establish and a maintainer's overrides.
 */
export function extractDocument(doc: SourceDocument, ctx: ReadContext = DEFAULT_CONTEXT): Extraction {
  const sink = new Sink(doc.source);
  const title = documentTitle(doc.tree);
  for (const block of sectionBlocks(doc.tree)) {
    const at: SectionPath = { section: block.section, headingLines: block.headingLines, headingSiblings: block.headingSiblings, groups: block.groups, title };
    const place = { source: doc.source, line: block.node.position?.start.line ?? 0, section: placeSection(at) };
    switch (block.node.type) {
      case 'table':
        extractTable(sink, block.node, at, ctx);
        break;
      case 'list':
        extractList(sink, block.node, at, ctx);
        break;
      case 'paragraph':
        extractParagraph(sink, block.node, place);
        break;
      case 'code':
        sink.note('skipped', place, block.node.value.split('\n')[0] ?? '', 'code block');
        break;
      default:
        break;
    }
  }
  return sink.out;
}
