import { LEXICON, type Role } from '../lexicon/lexicon.js';
import { readDate } from '../names/dates.js';
import { arxivId, repositoryKey } from '../names/links.js';
import { isGenericArchitecture, isPlaceholder } from '../names/placeholders.js';
import { readContextLength, readParameters } from '../names/quantities.js';
import { cleanName, cleanText } from '../names/text.js';
import { readNames, type NamePiece } from './cells.js';
import { paperName } from './documents.js';
import { looksLikeSentence, type Head } from './list-items.js';
import { organizationMention, referenceMention } from './mentions.js';
import { noteDerivation } from './derivation.js';
import { describeClaims } from './prose/claims.js';
import { sliceRich } from './rich-text.js';
import { provenance, type Sink } from './sink.js';
import { SEED_KNOWLEDGE } from './knowledge.js';
import { datasetNames } from './tables/dataset-cells.js';
import { readLicenses } from './tables/license-cells.js';
import type { Mention, RichText } from './types.js';

/** `地址：https://…`, `基座模型: LLaMA`, `License: Apache-2.0`: a sub-item that is a key and its value. */
export interface KeyValue {
  key: string;
  role: Role;
  value: RichText;
  /** The value is one name, separators and all. */
  whole?: boolean;
}

const KEY = /^\s*([^:：\n[\]()]{1,24}?)\s*[:：]\s*/;

export function keyValue(head: Head, allowEmpty = false): KeyValue | null {
  const m = KEY.exec(head.rich.text);
  if (!m) return null;
  const hit = LEXICON.keyRole(m[1]);
  if (!hit) return null;
  const value = sliceRich(head.rich, m[0].length, head.rich.text.length);
  if (!cleanText(value.text) && !allowEmpty) return null;
  return { key: cleanText(m[1]), role: hit.value.role, value };
}

/**
 * A key whose values are its sub-items (`院校：` above one institution per line, `基座模型：`
 * above `v1: 元语智能`, `Sunsimiao-6B: ChatGLM2-6B`): each sub-item is a value; one written
 * `variant: value` gives the value to that variant, a model of its own, or to the things above
 * when it only names a version (`v1`).
 */
export function applyKeyList(sink: Sink, things: Mention[], kv: KeyValue, values: Head[]): void {
  for (const h of values) {
    const labelled = /^\s*([^:：\n]{1,40}?)\s*[:：]\s*(\S.*)$/.exec(h.rich.text);
    if (!labelled) {
      // One institution per line: commas belong to its name (`Department of …, University of …, USA`).
      applyKeyValue(sink, things, { ...kv, value: h.rich, whole: kv.role === 'contributor' }, h);
      continue;
    }
    const label = cleanName(labelled[1]);
    const value = sliceRich(h.rich, h.rich.text.length - labelled[2].length, h.rich.text.length);
    const versionOnly = /^v?\d+(?:\.\d+)*$/i.test(label);
    const owners =
      versionOnly || kv.role !== 'base' || !things.some((t) => t.label === 'Model')
        ? things
        : [sink.mention({ label: 'Model', certain: true, role: 'entry', name: label, props: {}, provenance: provenance(h.place, 'list') })];
    for (const o of owners) if (!things.includes(o)) for (const t of things) sink.statement('RELATED_TO', o, t, provenance(h.place, 'list', { column: kv.key }));
    applyKeyValue(sink, owners, { ...kv, value }, h);
  }
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
  // `LLaMA-7B + Chinese-LLaMA-Alpaca`: a `+` joins two values too.
  const names = (role: Role, repoIds = false) =>
    kv.whole
      ? [{ name: cleanName(kv.value.text) } as NamePiece].filter((p) => p.name && !isPlaceholder(p.name, role))
      : readNames(kv.value, /[\/,&、;+\n，；]/, { repoIds }).pieces.filter((p) => !isPlaceholder(p.name, role) && !looksLikeSentence(p.name));
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
      noteDerivation(things, text, head.place, 'key');
      describeClaims(sink, kv.value, things, head.place);
      return true;
    case 'derivation':
      for (const t of things) t.props.training ??= text;
      noteDerivation(things, text, head.place, 'key');
      describeClaims(sink, kv.value, things, head.place);
      return true;
    case 'base':
      // A thing that states its base model is a model (`基座模型` under an application).
      for (const t of things) if (t.label === 'Project' || t.label === 'Method') t.label = 'Model';
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
      noteDerivation(things, text, head.place, 'key');
      for (const p of datasetNames(kv.value, SEED_KNOWLEDGE)) {
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
