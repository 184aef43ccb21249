import { nameKey } from '../../graph/name-key.js';
import { readDate } from '../../names/dates.js';
import { arxivId } from '../../names/links.js';
import { isPlaceholder } from '../../names/placeholders.js';
import { cleanText } from '../../names/text.js';
import { readNames } from '../cells.js';
import { paperName, titleSubject } from '../documents.js';
import type { EnclosingGroup } from '../groups.js';
import { familyKeys, type Knowledge } from '../knowledge.js';
import { organizationMention } from '../mentions.js';
import { provenance, type Sink } from '../sink.js';
import type { Mention } from '../types.js';
import type { Column } from './columns.js';
import type { Row } from './table.js';

/** Names shaped like models' (`METALM`, `WebGPT`, `Megatron-LM`, `Flan-T5`): a model-type ending. */
const MODEL_SHAPE = /(?:[a-z0-9]LMs?|GPT(?:-?\d+(?:\.\d+)?)?|BERT|LLM|T5|NLG)$/i;

/** A title that says what the paper is about is a model's when it says "model" or "LLM". */
const MODEL_WORDS = /\b(?:language models?|llms?|models?|chatbots?|transformers?)\b/i;

/**
 * Whether a keyword of a paper row names a model, and why. A keywords column never makes models
 * on its own word: the keyword must be a model the lists or the seed knowledge know, or the
 * subject of the row's paper title (`LaMDA: Language Models for Dialog Applications`,
 * `PaLM 2 Technical Report`), or named in a title about models (`… from Training Gopher`), or
 * end like a model's name (`METALM`, `WebGPT`); a
 * keyword known as a method, dataset or concept (`Transformers`, `CoT`, `DPO`) never is.
 */
export function keywordEvidence(keyword: string, title: string, known: Knowledge): string | null {
  if (known.isNotModel(keyword)) return null;
  const subject = titleSubject(title);
  const keys = new Set(familyKeys(keyword));
  if (subject && familyKeys(subject.name).some((k) => keys.has(k))) return `the paper's title is about it ("${title}")`;
  if (nameKey(title) === nameKey(keyword)) return 'the paper is titled by it';
  if (known.isModel(keyword)) return 'a known model';
  if (MODEL_SHAPE.test(keyword.replace(/\s+/g, ''))) return 'a model-type name';
  const escaped = keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (keyword.length >= 3 && new RegExp(`(?:^|[\\s(])${escaped}(?=$|[\\s,:;)])`, 'i').test(title) && MODEL_WORDS.test(title)) return `named in a title about models ("${title}")`;
  return null;
}

/**
 * One row of a table of papers (`Date | keywords | Institute | Paper`): the paper is the entry;
 * a keyword is the model it presents when the evidence says so (else it only joins a model the
 * lists name elsewhere), credited to the row's institutes and released on the row's date.
 */
export function readPaperRow(
  sink: Sink,
  row: Row,
  columns: Column[],
  opts: { category: Mention | null; group: EnclosingGroup | null; known: Knowledge },
): void {
  const col = (role: Column['role']) => columns.find((c) => c.role === role);
  const paperCell = row.rich(col('paper'));
  const link = paperCell?.links.find((l) => l.url.trim() && !l.url.startsWith('#'));
  if (!paperCell || !cleanText(paperCell.text)) return;
  const title = cleanText((link?.text ?? paperCell.text).replace(/\n/g, ' '));
  const prov = (c: Column | undefined) => provenance(row.place, 'table', { column: c?.header || 'paper' });
  const id = link ? arxivId(link.url) : null;
  const date = readDate(cleanText(row.rich(col('releaseDate'))?.text ?? ''));
  const paper = sink.mention({
    label: 'Paper',
    certain: true,
    role: 'entry',
    name: link ? paperName(link.url, link.text) : title,
    url: link?.url,
    props: { kind: 'paper', ...(link ? { url: link.url } : {}), ...(id ? { arxivId: id } : {}), ...(date ? { year: Number(date.slice(0, 4)) } : {}) },
    provenance: prov(col('paper')),
  });
  if (opts.category) sink.statement('IN_CATEGORY', paper, opts.category, prov(col('paper')));

  const keywords = col('keywords');
  const models: Mention[] = [];
  for (const piece of keywords ? (readNames(row.rich(keywords) ?? { text: '', links: [], bold: [] }).pieces) : []) {
    if (isPlaceholder(piece.name)) continue;
    if (opts.known.isNotModel(piece.name)) {
      sink.note('skipped', row.place, piece.name, `"${keywords!.header}" names a method, dataset or concept, not a model`);
      continue;
    }
    const why = keywordEvidence(piece.name, title, opts.known);
    const m = sink.mention({
      label: 'Model',
      certain: !!why,
      role: why ? 'entry' : 'reference',
      ...(why ? {} : { tentative: true }),
      name: piece.name,
      props: date ? { releaseDate: date } : {},
      provenance: provenance(row.place, 'table', { column: keywords!.header, ...(why ? { text: why } : {}) }),
    });
    models.push(m);
    sink.statement('DESCRIBED_IN', m, paper, prov(col('paper')));
  }
  const institutes = col('contributor');
  for (const piece of institutes ? readNames(row.rich(institutes) ?? { text: '', links: [], bold: [] }).pieces : []) {
    if (isPlaceholder(piece.name, 'contributor')) continue;
    const org = organizationMention(sink, piece.name, prov(institutes), piece.url);
    for (const m of models) sink.statement('FROM_CONTRIBUTOR', m, org, prov(institutes));
  }
}
