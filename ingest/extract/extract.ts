import type { Code, Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { LEXICON } from '../lexicon/lexicon.js';
import { repositoryKey } from '../names/links.js';
import { cleanText } from '../names/text.js';
import type { SourceDocument } from '../parse/markdown.js';
import { documentTitle, sectionBlocks } from '../parse/sections.js';
import { categoryFor, placeSection, type SectionPath } from './categories.js';
import { noteDerivation, noteSectionDerivation } from './derivation.js';
import { headingEntries, type HeadingEntry } from './heading-entries.js';
import { describeClaims } from './prose/claims.js';
import { richText } from './rich-text.js';
import { sectionKind } from './section-kinds.js';
import { provenance, type Place } from './sink.js';
import { DEFAULT_CONTEXT, type ReadContext } from './context.js';
import { extractList } from './lists.js';
import { extractParagraph } from './paragraphs.js';
import { Sink } from './sink.js';
import { extractTable } from './tables/table.js';
import type { Extraction, Mention, RichText } from './types.js';

/**
 * Everything one list states: every block of every section is read by the extractor for its
 * shape (tables, bullet lists, paragraphs); blocks nothing reads are noted for the report.
 * `ctx` carries what the other lists establish and a maintainer's overrides.
 */
export function extractDocument(doc: SourceDocument, ctx: ReadContext = DEFAULT_CONTEXT): Extraction {
  const sink = new Sink(doc.source);
  const title = documentTitle(doc.tree);
  const entries = headingEntries(doc.tree);
  const entryMentions = new Map<number, Mention[]>();
  let previous: { node: RootContent; section: string[] } | null = null;
  for (const block of sectionBlocks(doc.tree)) {
    const before = previous;
    previous = block;
    const at: SectionPath = { section: block.section, headingLines: block.headingLines, headingSiblings: block.headingSiblings, groups: block.groups, title };
    const place = { source: doc.source, line: block.node.position?.start.line ?? 0, section: placeSection(at) };
    const entry = entries.get(block.headingLines[block.headingLines.length - 1] ?? -1);
    if (entry && (block.node.type === 'paragraph' || block.node.type === 'code')) {
      let subjects = entryMentions.get(entry.line);
      if (!subjects) entryMentions.set(entry.line, (subjects = headingEntryMentions(sink, entry, at)));
      describeEntry(sink, subjects, block.node, place);
      continue;
    }
    switch (block.node.type) {
      case 'table':
        extractTable(sink, block.node, at, ctx);
        break;
      case 'list':
        // `欢迎提供：- 线索 - 材料 - PR`: what the maintainers ask for, not things of the section.
        if (before?.node.type === 'paragraph' && before.section.join('\u0000') === block.section.join('\u0000') && asksForContributions(toString(before.node))) {
          sink.note('skipped', place, toString(block.node).slice(0, 80), 'a list of what contributions are welcome');
          break;
        }
        extractList(sink, block.node, at, ctx);
        break;
      case 'paragraph':
        extractParagraph(sink, block.node, place);
        break;
      case 'code':
        // Paragraphs indented by mistake (`        LLaMA是由Meta发布的…`) parse as code; prose is read as prose.
        if (isIndentedProse(block.node)) extractParagraph(sink, { type: 'paragraph', children: [{ type: 'text', value: block.node.value }], position: block.node.position }, place);
        else sink.note('skipped', place, block.node.value.split('\n')[0] ?? '', 'code block');
        break;
      default:
        break;
    }
  }
  return sink.out;
}

/** A code block without a language whose lines read as sentences, not code: CJK prose, or words ending in a full stop. */
export function isIndentedProse(node: Code): boolean {
  if (node.lang || node.meta) return false;
  const text = node.value;
  if (!text.trim() || /[{};=<>$]|^\s*(?:def|import|from|class|function|const|let|var|pip|npm|python|git|cd|export)\b/m.test(text)) return false;
  if (/[\u3400-\u9fff][^\n]{0,200}[。，；！？]/.test(text)) return true;
  // An English sentence: a line of three or more lower-case words that ends with a full stop.
  return text.split('\n').some((line) => {
    const t = line.trim();
    return /[.!?]$/.test(t) && t.split(/\s+/).filter((w) => /^[a-z]+[,;]?$/.test(w)).length >= 3;
  });
}

function asksForContributions(text: string): boolean {
  const t = text.toLowerCase();
  return LEXICON.contributionLeadIns.some((w) => t.includes(w));
}

/** The entries a heading names, of the kind its parent section says (a model when it says nothing). */
function headingEntryMentions(sink: Sink, entry: HeadingEntry, at: SectionPath): Mention[] {
  const parent: SectionPath = { ...at, section: at.section.slice(0, -1), headingLines: at.headingLines.slice(0, -1), headingSiblings: at.headingSiblings.slice(0, -1) };
  const said = sectionKind(parent.section);
  const kind = said && typeof said === 'object' ? said : { label: 'Model' as const, certain: false };
  const category = categoryFor(sink, parent);
  const prov = provenance({ source: sink.source, line: entry.line, section: placeSection(at) }, 'list');
  const mentions = entry.names.map((n) => {
    const m = sink.mention({ label: kind.label, certain: kind.certain, role: 'entry', name: n.name, ...(n.alsoKnownAs.length ? { alsoKnownAs: n.alsoKnownAs } : {}), props: {}, provenance: prov });
    if (category) sink.statement('IN_CATEGORY', m, category, prov);
    return m;
  });
  noteSectionDerivation(mentions, sink.source, parent);
  return mentions;
}

/** Prose under an entry heading: its description and claims; its first repository link identifies it. */
function describeEntry(sink: Sink, subjects: Mention[], node: Paragraph | Code, place: Place): void {
  const rich: RichText = node.type === 'code' ? { text: node.value, links: [], bold: [] } : richText(node.children);
  const url = rich.links.map((l) => l.url).find((u) => repositoryKey(u)) ?? /https?:\/\/(?:github\.com|huggingface\.co)\/[^\s)）]+/.exec(rich.text)?.[0];
  for (const s of subjects) {
    if (url && !s.url && subjects.length === 1 && repositoryKey(url)) {
      s.url = url;
      s.props.url = url;
    }
    const text = cleanText(rich.text.replace(/\n/g, ' '));
    if (text && !s.props.mainFeature && !/^https?:\/\/\S+$/.test(text)) s.props.mainFeature = text.slice(0, 2000);
  }
  noteDerivation(subjects, cleanText(rich.text), place, 'text');
  describeClaims(sink, rich, subjects, place);
}
