import { arxivId } from '../names/links.js';
import { cleanName, cleanText } from '../names/text.js';

/**
 * Reading paper references: titles as the lists write them (`2022-ACL-GLM- General Language
 * Model…`, file names of PDFs) and the bracketed resource links after them (`[[Paper]](…)`).
 */

const VENUE = /^(?:acl|emnlp|naacl|eacl|coling|tacl|nips|neurips|iclr|icml|jmlr|mlr|aaai|ijcai|cvpr|iccv|eccv|kdd|sigir|www)$/i;

/** Link labels that point at a resource of the thing named before them, not at a thing of that name. */
const RESOURCE_LABEL = /^(?:papers?(?: v\d+)?|paer|pdf|blog|github\d*|[\w-]+-github|code|site|model|online demo|demo|podcast\b.*|hugging ?face datasets?|technical report)$/i;

export function isResourceLabel(linkText: string): boolean {
  return RESOURCE_LABEL.test(cleanText(linkText).replace(/^\[|\]$/g, ''));
}

export type ResourceKind = 'paper' | 'blog' | 'repository' | 'other';

export function resourceKind(linkText: string): ResourceKind {
  const label = cleanText(linkText).replace(/^\[|\]$/g, '').toLowerCase();
  if (/^(?:papers?|paer|pdf|technical report)/.test(label)) return 'paper';
  if (/^blog/.test(label)) return 'blog';
  if (/github|^code$/.test(label)) return 'repository';
  return 'other';
}

/**
 * `2022-ACL-GLM- General Language Model` → year 2022, title `GLM: General Language Model`. The
 * lists name PDFs after titles, with `- ` standing for the colon a file name cannot hold.
 */
export function readTitle(raw: string): { title: string; year?: number } {
  let text = cleanText(raw);
  let year: number | undefined;
  const m = /^((?:19|20)\d{2})-(?:([A-Za-z]{2,7})-)?(?=\S)/.exec(text);
  if (m && (!m[2] || VENUE.test(m[2]))) {
    year = Number(m[1]);
    text = text.slice(m[0].length);
  } else if (m && m[2]) {
    year = Number(m[1]);
    text = text.slice(m[1].length + 1);
  }
  text = text.replace(/^(.{0,120}?[^\s-])- (?=\S)/, '$1: ');
  return { title: cleanName(text), ...(year ? { year } : {}) };
}

/** Title of a local PDF from its file name, when the name is a dated title (`2023-QLORA- Efficient…pdf`). */
export function titleFromUrl(url: string): { title: string; year?: number } | null {
  if (arxivId(url)) return null;
  const file = url.split(/[?#]/)[0].split('/').pop() ?? '';
  let name: string;
  try {
    name = decodeURIComponent(file);
  } catch {
    name = file;
  }
  if (!/\.pdf$/i.test(name)) return null;
  name = name.replace(/\.pdf$/i, '');
  if (!/^(?:19|20)\d{2}-/.test(name)) return null;
  return readTitle(name);
}

/** The name a paper node gets when only its link is known. */
export function paperName(url: string, linkText: string, fallback?: string): string {
  const fromFile = titleFromUrl(url);
  if (fromFile) return fromFile.title;
  const id = arxivId(url);
  const label = cleanText(linkText).replace(/^\[|\]$/g, '');
  if (label && !isResourceLabel(label)) return label;
  if (id) return `arXiv:${id}`;
  return fallback ?? (label || url);
}

/** `X: rest` or `X Technical Report`: the thing a paper title is about, when it says. */
export function titleSubject(title: string): { name: string; rest: string } | null {
  const colon = /^([^:：]{1,40}?)\s*[:：]\s*(.+)$/.exec(title);
  if (colon && colon[1].split(/\s+/).length <= 4) return { name: cleanName(colon[1]), rest: colon[2] };
  const report = /^(.{1,40}?) (?:Technical Report|Report)$/i.exec(title);
  if (report) return { name: cleanName(report[1]), rest: '' };
  return null;
}
