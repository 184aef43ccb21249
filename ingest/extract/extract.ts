import type { SourceDocument } from '../parse/markdown.js';
import { documentTitle, sectionBlocks, type SectionedBlock } from '../parse/sections.js';
import { extractList } from './lists.js';
import { extractParagraph } from './paragraphs.js';
import { Sink } from './sink.js';
import { extractTable } from './tables.js';
import type { Extraction } from './types.js';

/**
 * Everything one list states: every block of every section is read by the extractor for its
 * shape (tables, bullet lists, paragraphs); blocks nothing reads are noted for the report.
 */
export function extractDocument(doc: SourceDocument): Extraction {
  const sink = new Sink(doc.source);
  extractBlocks(sink, sectionBlocks(doc.tree), documentTitle(doc.tree));
  return sink.out;
}

/** The blocks of a document, in order, into `sink` (a long list is read piece by piece: pipeline.ts). */
export function extractBlocks(sink: Sink, blocks: Iterable<SectionedBlock>, title: string | null): void {
  for (const block of blocks) {
    const at = { section: block.section, headingLines: block.headingLines, title };
    const place = { source: sink.source, line: block.node.position?.start.line ?? 0, section: block.section };
    switch (block.node.type) {
      case 'table':
        extractTable(sink, block.node, at);
        break;
      case 'list':
        extractList(sink, block.node, at);
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
}
