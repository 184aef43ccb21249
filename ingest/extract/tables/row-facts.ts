import { isResourceLabel } from '../documents.js';
import { toString } from 'mdast-util-to-string';
import { nameKey } from '../../graph/name-key.js';
import type { EdgeType, NodeLabel, PropValue } from '../../graph/types.js';
import type { Role } from '../../lexicon/lexicon.js';
import { readDate } from '../../names/dates.js';
import { arxivId, repositoryKey, repositoryName, repositoryOwner } from '../../names/links.js';
import { isGenericArchitecture, isLanguageCode, isPlaceholder } from '../../names/placeholders.js';
import { readContextLength, readParameters } from '../../names/quantities.js';
import { splitSize } from '../../names/size.js';
import { cleanText, isNonLatin } from '../../names/text.js';
import { readNames } from '../cells.js';
import { paperName } from '../documents.js';
import type { EnclosingGroup } from '../groups.js';
import type { Knowledge } from '../knowledge.js';
import { organizationMention, publisherMention, referenceMention } from '../mentions.js';
import { noteDerivation } from '../derivation.js';
import { describeClaims } from '../prose/claims.js';
import { CONTRIBUTOR_SEPARATOR, namesAuthors } from './contributor-cells.js';
import { datasetNames, SENTENCE_PART } from './dataset-cells.js';
import { readLicenses } from './license-cells.js';
import { provenance, type Sink } from '../sink.js';
import type { Mention, RichText } from '../types.js';
import type { Column } from './columns.js';
import { readMark, type Row } from './table.js';

/**
 * The facts a row states about its subjects, column by column, by the role each column got:
 * references with their statements (contributor, base, data, licence, domain, language, paper),
 * typed facts (release date, parameters, context length, architecture, flags) and the row's
 * description, whose sentences become claims. When the list names no contributor for a model,
 * the owner of its own checkpoint link is recorded as one read from the link.
 */
export function readRowFacts(sink: Sink, row: Row, columns: Column[], subjects: Mention[], opts: { group: EnclosingGroup | null; known: Knowledge }): void {
  const prov = (c: Column, derivedFrom: 'table' | 'link' = 'table') => provenance(row.place, derivedFrom, { column: c.header || `column ${c.index + 1}` });
  const models = subjects.filter((s) => s.label === 'Model');
  const names = (c: Column, role: Role, repoIds = false) => {
    let rich = row.rich(c);
    if (!rich) return [];
    // `東北大<br>自然言語処理研究グループ`: a break inside a CJK name wraps it, it does not separate two.
    if (role === 'contributor') rich = { ...rich, text: rich.text.replace(/(?<=[\u3040-\u30ff\u3400-\u9fff])\n(?=[\u3040-\u30ff\u3400-\u9fff])/g, ' ') };
    // `Vicuna 7B + MERT`: a `+` joins two makers, or two bases.
    const reading = readNames(rich, role === 'contributor' || role === 'base' ? CONTRIBUTOR_SEPARATOR : undefined, { repoIds, linkIsOne: role === 'contributor' });
    for (const p of reading.placeholders) sink.note('placeholder', row.place, p, `placeholder in "${c.header}"`);
    return reading.pieces.filter((p) => {
      if (!isPlaceholder(p.name, role)) return true;
      sink.note('placeholder', row.place, p.name, `no ${role} in "${c.header}"`);
      return false;
    });
  };
  const setFact = (key: string, value: PropValue) => {
    for (const s of subjects) {
      if (Array.isArray(value) && Array.isArray(s.props[key])) s.props[key] = [...new Set([...(s.props[key] as number[]), ...(value as number[])])].sort((a, b) => a - b);
      else if (!(key in s.props)) s.props[key] = value;
    }
  };
  const state = (type: EdgeType, from: Mention[], to: Mention, p: Mention['provenance']) => {
    for (const s of from) sink.statement(type, s, to, p);
  };
  let contributors = 0;
  // `個人` (an individual), `-`: the list says who made it, just no organization; no fallback then.
  let saidWho = false;
  const named: Mention[] = [];

  for (const c of columns) {
    if (!c.role || c.role === 'subject') continue;
    const rich = row.rich(c);
    if (!rich || !cleanText(rich.text)) continue;
    const text = cleanText(rich.text.replace(/\n/g, ' '));
    switch (c.role) {
      case 'contributor':
        saidWho = true;
        // `He 等`, `Vaswani et al.`, `Gu 和 Dao`: the authors of a paper, not an organization.
        if (namesAuthors(text, opts.known)) {
          sink.note('skipped', row.place, text, `authors, not an organization, in "${c.header}"`);
          break;
        }
        for (const piece of names(c, 'contributor')) {
          if (isLanguageCode(piece.name)) {
            sink.note('unreadable', row.place, piece.name, 'a language code in the contributor column (pasted from the next cell?)');
            continue;
          }
          // `| 本草 | LLaMA | [Github](…) |` under `Model | Owner | Backbone | Repo`: a row missing a
          // cell, read one column off; a model in the maker's column is no maker.
          // (A team named after its model, `OpenChat` of OpenChat, is its maker.)
          if (opts.known.isModel(piece.name) && !opts.known.isOrganization(piece.name) && !subjects.some((m) => nameKey(m.name) === nameKey(piece.name))) {
            sink.note('unreadable', row.place, piece.name, `a model in the contributor column "${c.header}" (a cell missing before it?)`);
            continue;
          }
          contributors++;
          const org = organizationMention(sink, piece.name, prov(c), piece.url);
          named.push(org);
          state('FROM_CONTRIBUTOR', subjects, org, prov(c));
        }
        break;
      case 'base': {
        // `custom Mirelo + Kyutai + IRCAM`: made in-house, by those who made it; no base named.
        if (isPlaceholder(text.split(/\s+/)[0] ?? '', 'base')) {
          sink.note('placeholder', row.place, text, `no base in "${c.header}"`);
          break;
        }
        const pieces = names(c, 'base', true).filter((p) => {
          if (isGenericArchitecture(p.name)) {
            sink.note('placeholder', row.place, p.name, `an architecture, not a model, in "${c.header}"`);
            return false;
          }
          // `[Github](…)` one column off: a link's label is no model.
          if (isResourceLabel(p.name)) {
            sink.note('unreadable', row.place, p.name, `a link label in the base column "${c.header}" (a cell missing before it?)`);
            return false;
          }
          // `Instructが名前に付いていないモデルのみ Mixtral-8x7B-v0.1 がベース`: a sentence, read as prose below.
          return !SENTENCE_PART.test(p.name) && p.name.split(/\s+/).length <= 6;
        });
        if (pieces.length < names(c, 'base', true).length) describeClaims(sink, rich, subjects, row.place);
        const mentions = pieces.map((p) => referenceMention(sink, p, 'Model', prov(c)));
        // `マージ元のLLM`, `LLaMA (LoRA)`: the header and the cell may say how it was made.
        if (mentions.length) {
          noteDerivation(subjects, c.header, row.place, 'column');
          noteDerivation(subjects, text, row.place, 'column');
        }
        // `BenTsao / ChatGLM-Med` with `LLaMA/ChatGLM`: as many bases as names pair up in order.
        const paired = subjects.length > 1 && mentions.length === subjects.length;
        subjects.forEach((s, i) => {
          for (const b of paired ? [mentions[i]] : mentions) sink.statement('BASED_ON', s, b, prov(c));
        });
        break;
      }
      case 'architecture': {
        const written: string[] = [];
        for (const piece of names(c, 'architecture')) {
          if (isGenericArchitecture(piece.name)) {
            const m = sink.mention({ label: 'Method', certain: true, role: 'reference', name: piece.name, props: { kind: 'architecture' }, provenance: prov(c) });
            state('HAS_ARCHITECTURE', models, m, prov(c));
          } else written.push(piece.name);
        }
        if (written.length) setFact('architecture', written);
        break;
      }
      case 'usedIn':
        for (const p of names(c, 'usedIn')) {
          const model = referenceMention(sink, p, 'Model', prov(c));
          for (const s of subjects) sink.statement('USES_METHOD', model, s, prov(c));
        }
        break;
      case 'drivenBy':
        for (const p of names(c, 'drivenBy')) state('DRIVEN_BY', subjects, referenceMention(sink, p, 'Model', prov(c)), prov(c));
        break;
      case 'domain':
      case 'language':
        for (const p of names(c, c.role)) {
          const label: NodeLabel = c.role === 'domain' ? 'Domain' : 'Language';
          const m = referenceMention(sink, { ...p, name: label === 'Language' ? p.name.toLowerCase() : p.name }, label, prov(c));
          state(c.role === 'domain' ? 'IN_DOMAIN' : 'HAS_LANGUAGE', subjects, m, prov(c));
        }
        break;
      case 'license':
        for (const lic of readLicenses(rich)) {
          const m = sink.mention({ label: 'License', certain: true, role: 'reference', name: lic.name, alsoKnownAs: lic.spelling !== lic.name ? [lic.spelling] : undefined, url: lic.url, props: lic.url ? { url: lic.url } : {}, provenance: prov(c) });
          state('HAS_LICENSE', subjects, m, prov(c));
        }
        break;
      case 'description':
        if (text && text !== '-') for (const s of subjects) s.props.mainFeature = text;
        noteDerivation(subjects, text, row.place, 'text');
        describeClaims(sink, rich, subjects, row.place);
        break;
      case 'derivation':
        for (const s of subjects) s.props.training ??= text;
        noteDerivation(subjects, text, row.place, 'column');
        describeClaims(sink, rich, subjects, row.place);
        break;
      case 'multiModal': {
        const value = cleanText(toString(row.cell(c)!));
        const mark = readMark(value);
        if (mark !== null) for (const s of subjects) s.props.multiModal = mark;
        else if (value) sink.note('unreadable', row.place, value, `not a yes/no mark in "${c.header}"`);
        break;
      }
      case 'releaseDate': {
        const date = readDate(text) ?? readDate(text.split(/[\s,;(]/)[0]);
        if (date) setFact('releaseDate', date);
        else sink.note('unreadable', row.place, text, `not a date in "${c.header}"`);
        break;
      }
      case 'parameters': {
        const params = readParameters(text, c.hint ?? 'B');
        if (params.length) setFact('parameters', params);
        break;
      }
      case 'contextLength': {
        const lengths = readContextLength(text);
        if (lengths.length) setFact('contextLength', lengths);
        break;
      }
      case 'trainingData':
        for (const p of datasetNames(rich, opts.known)) state('TRAINED_WITH', models, referenceMention(sink, p, 'Dataset', prov(c)), prov(c));
        // `… rinna GPT (neox-3.6b) をファインチューニング`: how it was trained is prose.
        noteDerivation(subjects, text, row.place, 'column');
        describeClaims(sink, rich, subjects, row.place);
        break;
      case 'paper':
        for (const link of rich.links) {
          if (!link.url.trim() || link.url.startsWith('#')) continue;
          const id = arxivId(link.url);
          const paper = sink.mention({
            label: 'Paper',
            certain: true,
            role: 'reference',
            name: paperName(link.url, link.text),
            url: link.url,
            props: { url: link.url, kind: /blog/i.test(link.url) ? 'blog' : 'paper', ...(id ? { arxivId: id } : {}) },
            provenance: prov(c),
          });
          state('DESCRIBED_IN', subjects, paper, prov(c));
        }
        break;
      case 'checkpoints':
      case 'url':
        for (const link of rich.links) for (const s of subjects) addLink(s, link.url);
        break;
      case 'keywords':
      case 'ignore':
        break;
    }
  }

  // `Stanford/Alpaca`, `HIT&HFL/**Chinese-LLaMA-Alpaca**`: an institution owning the name is its contributor.
  if (!contributors) {
    const subjectColumn = columns.find((c) => c.role === 'subject');
    for (const s of subjects) {
      const owner = typeof s.props.publisher === 'string' ? s.props.publisher : null;
      if (!owner || !subjectColumn || /^[a-z0-9_.-]+$/.test(owner)) continue;
      for (const name of owner.split(/(?<!\s)\s*[&,]\s*/).filter(Boolean)) {
        const org = organizationMention(sink, name, prov(subjectColumn));
        sink.statement('FROM_CONTRIBUTOR', s, org, prov(subjectColumn));
        contributors++;
      }
    }
  }
  // Contributors the row does not state: its group's organization, else the owner of the model's own checkpoint link.
  if (!contributors && opts.group?.kind === 'org' && models.length) {
    const org = organizationMention(sink, opts.group.name, provenance({ ...row.place, line: opts.group.line }, 'list'));
    state('FROM_CONTRIBUTOR', models, org, provenance(row.place, 'list', { text: opts.group.label }));
    contributors++;
  }
  if (opts.group?.kind === 'base' && !columns.some((c) => c.role === 'base' && row.rich(c) && cleanText(row.rich(c)!.text))) {
    const base = sink.mention({ label: 'Model', certain: true, role: 'reference', name: opts.group.name, props: {}, provenance: provenance({ ...row.place, line: opts.group.line }, 'list') });
    state('BASED_ON', models, base, provenance(row.place, 'list', { text: opts.group.label }));
  }
  const makers = named.map((o) => nameKey(o.name)).filter(Boolean);
  if (makers.length) for (const s of models) s.makers = [...new Set([...(s.makers ?? []), ...makers])];
  for (const s of models) {
    const own = ownLink(s, row, columns);
    if (!own) continue;
    const owner = repositoryOwner(own.url);
    if (owner && !s.props.publisher) s.props.publisher = owner;
    // `サイバーエージェント` publishing as `cyberagent` on Hugging Face: the account is how people
    // search for it. A GitHub or Gitee account may be a person's or the project's own (`scutcyr`,
    // `OpenLMLab`), so only a model hub's counts.
    if (owner && named.length === 1 && isNonLatin(named[0].name) && /^https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\//i.test(own.url)) {
      named[0].writtenAs = [...new Set([...(named[0].writtenAs ?? []), owner])];
    }
    if (!contributors && !saidWho) {
      const org = publisherMention(sink, own.url, row.place, own.column);
      if (org) sink.statement('FROM_CONTRIBUTOR', s, org, provenance(row.place, 'link', { column: own.column, text: own.text }));
    }
  }
}

/** The model's own checkpoint: its subject link, or a checkpoint link whose text names it. */
function ownLink(s: Mention, row: Row, columns: Column[]): { url: string; text: string; column: string } | null {
  if (s.url && !s.sharedLink && repositoryKey(s.url)) return { url: s.url, text: s.name, column: columns.find((c) => c.role === 'subject')?.header ?? '' };
  const key = nameKey(s.name);
  const family = nameKey(splitSize(s.name)?.family ?? s.name);
  if (!key) return null;
  const names = (lk: string) => !!lk && (lk === key || lk.startsWith(key) || (family.length >= 3 && lk.startsWith(family)));
  for (const c of columns) {
    if (c.role === 'paper' || c.role === 'description' || c.role === 'ignore' || c.role === 'trainingData') continue;
    for (const link of row.rich(c)?.links ?? []) {
      if (!repositoryKey(link.url)) continue;
      // A checkpoint link whose text names the model, or (in any column) whose repository does:
      // `([**100b**](huggingface.co/stockmark/stockmark-100b))` beside the name.
      if ((c.role === 'checkpoints' && names(nameKey(link.text))) || names(nameKey(repositoryName(link.url) ?? ''))) {
        return { url: link.url, text: link.text, column: c.header };
      }
    }
  }
  return null;
}

function addLink(m: Mention, url: string): void {
  if (!url.trim() || url.startsWith('#') || m.props.url === url) return;
  const links = (m.props.links as string[] | undefined) ?? [];
  if (!links.includes(url)) m.props.links = [...links, url];
}
