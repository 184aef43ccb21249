import { LEXICON, type Role } from '../lexicon/lexicon.js';
import { readDate } from '../names/dates.js';
import { arxivId, repositoryKey } from '../names/links.js';
import { isGenericArchitecture, isPlaceholder } from '../names/placeholders.js';
import { readContextLength, readParameters } from '../names/quantities.js';
import { cleanText } from '../names/text.js';
import { readNames } from './cells.js';
import { paperName } from './documents.js';
import type { Head } from './list-items.js';
import { organizationMention, referenceMention } from './mentions.js';
import { describeClaims } from './prose/claims.js';
import { sliceRich } from './rich-text.js';
import { provenance, type Sink } from './sink.js';
import { readLicenses } from './tables/row-facts.js';
import type { Mention, RichText } from './types.js';

/** `地址：https://…`, `基座模型: LLaMA`, `License: Apache-2.0`: a sub-item that is a key and its value. */
export interface KeyValue {
  key: string;
  role: Role;
  value: RichText;
}

const KEY = /^\s*([^:：\n[\]()]{1,24}?)\s*[:：]\s*/;

export function keyValue(head: Head): KeyValue | null {
  const m = KEY.exec(head.rich.text);
  if (!m) return null;
  const hit = LEXICON.keyRole(m[1]);
  if (!hit) return null;
  const value = sliceRich(head.rich, m[0].length, head.rich.text.length);
  if (!cleanText(value.text)) return null;
  return { key: cleanText(m[1]), role: hit.value.role, value };
}

/**
 * Applies one key-value sub-item to the things above it, by the role its key names: a link
 * that identifies them (`地址`), their description (whose sentences become claims), a base, a
 * contributor, a licence, data, a paper, or a typed fact. Returns false for keys that state
 * nothing we read (the caller then reads the sub-item as it would any other).
 */
export function applyKeyValue(sink: Sink, things: Mention[], kv: KeyValue, head: Head): boolean {
  const prov = provenance(head.place, 'list', { column: kv.key });
  const text = cleanText(kv.value.text.replace(/\n/g, ' '));
  const names = (role: Role, repoIds = false) =>
    readNames(kv.value, undefined, { repoIds }).pieces.filter((p) => !isPlaceholder(p.name, role));
  const models = things.filter((t) => t.label === 'Model');
  switch (kv.role) {
    case 'url':
    case 'checkpoints': {
      const url = kv.value.links[0]?.url ?? (/^https?:\/\/\S+$/.test(text) ? text : null);
      if (!url) return true;
      for (const t of things) {
        // The repository a `地址` gives identifies the thing, as its own link would.
        if (!t.url && repositoryKey(url)) {
          t.url = url;
          t.props.url = url;
        } else if (t.props.url !== url) t.props.links = [...new Set([...((t.props.links as string[]) ?? []), url])];
      }
      return true;
    }
    case 'description':
      if (text) for (const t of things) if (!t.props.mainFeature) t.props.mainFeature = text;
      describeClaims(sink, kv.value, things, head.place);
      return true;
    case 'base':
      for (const p of names('base', true)) {
        if (isGenericArchitecture(p.name)) continue;
        const base = referenceMention(sink, p, 'Model', prov);
        for (const t of things) sink.statement('BASED_ON', t, base, prov);
      }
      return true;
    case 'contributor':
      for (const p of names('contributor')) {
        const org = organizationMention(sink, p.name, prov, p.url);
        for (const t of things) sink.statement('FROM_CONTRIBUTOR', t, org, prov);
      }
      return true;
    case 'license':
      for (const lic of readLicenses(kv.value)) {
        const m = sink.mention({ label: 'License', certain: true, role: 'reference', name: lic.name, alsoKnownAs: lic.spelling !== lic.name ? [lic.spelling] : undefined, props: lic.url ? { url: lic.url } : {}, provenance: prov });
        for (const t of things) sink.statement('HAS_LICENSE', t, m, prov);
      }
      return true;
    case 'trainingData':
      for (const p of names('trainingData')) {
        const d = referenceMention(sink, p, 'Dataset', prov);
        for (const t of models) sink.statement('TRAINED_WITH', t, d, prov);
      }
      return true;
    case 'paper':
      for (const link of kv.value.links) {
        const id = arxivId(link.url);
        const paper = sink.mention({ label: 'Paper', certain: true, role: 'reference', name: paperName(link.url, link.text, `${things[0].name} paper`), url: link.url, props: { url: link.url, kind: 'paper', ...(id ? { arxivId: id } : {}) }, provenance: prov });
        for (const t of things) sink.statement('DESCRIBED_IN', t, paper, prov);
      }
      return true;
    case 'releaseDate': {
      const date = readDate(text);
      if (date) for (const t of things) t.props.releaseDate ??= date;
      return true;
    }
    case 'parameters': {
      const params = readParameters(text, 'B');
      if (params.length) for (const t of things) t.props.parameters = params;
      return true;
    }
    case 'contextLength': {
      const lengths = readContextLength(text);
      if (lengths.length) for (const t of things) t.props.contextLength = lengths;
      return true;
    }
    case 'architecture':
      if (text) for (const t of models) t.props.architecture = [text];
      return true;
    case 'ignore':
    case 'keywords':
      return true;
    default:
      return false;
  }
}
