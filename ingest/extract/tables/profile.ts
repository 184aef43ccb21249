import { LEXICON } from '../../lexicon/lexicon.js';
import { isModelPage } from '../model-evidence.js';
import { readDate } from '../../names/dates.js';
import { isLicense } from '../../names/licenses.js';
import { repositoryKey } from '../../names/links.js';
import { isPlaceholder } from '../../names/placeholders.js';
import { looksLikeParameters } from '../../names/quantities.js';
import { cleanText } from '../../names/text.js';
import type { Knowledge } from '../knowledge.js';
import { isOrganizationName } from '../organizations.js';
import type { RichText } from '../types.js';

/**
 * What the values of one column look like, as fractions of its non-empty cells: the evidence
 * for the role of a column whose header says nothing (empty, or a word the lexicon lacks).
 */
export interface ColumnProfile {
  cells: number;
  nonEmpty: number;
  /** Distinct values / non-empty cells. */
  distinct: number;
  links: number;
  /** Cells whose first link is a model page or a code repository. */
  modelLinks: number;
  licenses: number;
  dates: number;
  parameters: number;
  numbers: number;
  organizations: number;
  models: number;
  notModels: number;
  sentences: number;
  marks: number;
  /** Average words per non-empty cell. */
  words: number;
}

/** Enough to tell a column's shape; longer tables are judged by their first rows. */
const SAMPLE = 400;

export function profileColumn(cells: RichText[], known: Knowledge): ColumnProfile {
  const sample = cells.slice(0, SAMPLE);
  const texts: string[] = [];
  const p: ColumnProfile = { cells: sample.length, nonEmpty: 0, distinct: 0, links: 0, modelLinks: 0, licenses: 0, dates: 0, parameters: 0, numbers: 0, organizations: 0, models: 0, notModels: 0, sentences: 0, marks: 0, words: 0 };
  let words = 0;
  for (const rich of sample) {
    const text = cleanText(rich.text.replace(/\n/g, ' '));
    if (isPlaceholder(text)) continue;
    p.nonEmpty++;
    texts.push(text.toLowerCase());
    const w = text.split(/\s+/).length;
    words += w;
    if (rich.links.length) {
      p.links++;
      const url = rich.links[0].url;
      if (isModelPage(url) || repositoryKey(url)) p.modelLinks++;
    }
    const folded = text.toLowerCase();
    if (LEXICON.yes.has(folded) || LEXICON.no.has(folded) || /^[✅✔✖❌✗◯○〇△×☑]/u.test(text)) p.marks++;
    const firstLink = rich.links[0]?.text;
    if (isLicense(text) || (firstLink && isLicense(firstLink))) p.licenses++;
    if (readDate(text.replace(/<!--.*?-->/g, ''))) p.dates++;
    if (looksLikeParameters(text)) p.parameters++;
    if (/^[\d.,\s~-]+$/.test(text) && /\d/.test(text)) p.numbers++;
    const pieces = text.split(/(?<!\s)\s*(?:[/,&、;]|<br\s*\/?>)\s*/).filter(Boolean);
    if (pieces.length && pieces.every((x) => isOrganizationName(x, known))) p.organizations++;
    if (pieces.length && pieces.every((x) => known.isModel(x))) p.models++;
    if (pieces.length && pieces.every((x) => known.isNotModel(x))) p.notModels++;
    if (w > 8 || /[.。!?！？]\s|[。！？]$/.test(text)) p.sentences++;
  }
  if (p.nonEmpty) {
    p.distinct = new Set(texts).size / p.nonEmpty;
    p.words = words / p.nonEmpty;
    for (const k of ['links', 'modelLinks', 'licenses', 'dates', 'parameters', 'numbers', 'organizations', 'models', 'notModels', 'sentences', 'marks'] as const) p[k] /= p.nonEmpty;
  }
  return p;
}
