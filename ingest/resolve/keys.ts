import { nameKey } from '../graph/name-key.js';
import type { Mention } from '../extract/types.js';
import { arxivId, repositoryKey } from '../names/links.js';
import { splitSize } from '../names/size.js';
import { isNonLatin } from '../names/text.js';
import type { AliasEntry, AliasTable } from './aliases.js';
import { isThing } from './entity.js';

/**
 * What identity rules compare, computed once per mention: its name space (models, datasets,
 * methods, benchmarks and projects share one), its canonical spelling after the alias table,
 * its keys (name keys; arXiv id and title for papers) and the repository it links.
 */
export interface Prepared {
  m: Mention;
  space: string;
  alias: AliasEntry | null;
  canonical: string;
  keys: string[];
  repo: string | null;
  /** Keys of its Latin-script spellings: two names that share only a CJK spelling but not these are two things (`流萤(Firefly-BLOOM)`, `流萤(Firefly-baichuan)`). */
  latin: string[];
}

function spaceOf(m: Mention): string {
  return isThing(m.label) ? 'thing' : m.label;
}

export function prepare(m: Mention, aliases: AliasTable): Prepared {
  const alias = aliases.lookup(m.label, m.name);
  const canonical = alias?.name ?? m.name;
  const spellings = [canonical, ...(m.alsoKnownAs ?? [])].map((s) => aliases.lookup(m.label, s)?.name ?? s);
  let keys: string[];
  if (m.label === 'Paper') {
    const id = (m.props.arxivId as string | undefined) ?? (m.url ? arxivId(m.url) : null);
    keys = [
      ...(id ? [`arxiv:${id}`] : []),
      ...spellings.filter((s) => !/^arXiv:/.test(s)).map((s) => `title:${nameKey(s)}`),
    ];
  } else if (m.label === 'Organization') {
    keys = spellings.map((s) => (s.startsWith('@') ? '@' : '') + nameKey(s));
  } else if (m.label === 'Category') {
    // Headings are compared one by one, each through the alias table (a section renamed or misspelled).
    const path = ((m.props.path as string[]) ?? [m.name]).map((h) => aliases.lookup('Category', h)?.name ?? h);
    keys = [nameKey(path.join('/'))];
  } else {
    keys = spellings.map(nameKey);
  }
  keys = [...new Set(keys.filter((k) => k && k !== '@'))];
  const repo = isThing(m.label) && m.url && !m.sharedLink && !m.tentative ? repositoryKey(m.url) : null;
  const latin = isThing(m.label) ? [...new Set(spellings.filter((s) => !isNonLatin(s)).map(nameKey).filter(Boolean))] : [];
  return { m, space: spaceOf(m), alias, canonical, keys, repo, latin };
}

/** `LLaMA` for `LLaMA-13B`, through the alias table (`Llama V1 34B` would be LLaMA too). */
export function familyOf(it: Prepared, aliases: AliasTable): { name: string; key: string; size: string } | null {
  const sized = splitSize(it.canonical);
  if (!sized) return null;
  const canonical = aliases.lookup(it.m.label, sized.family)?.name ?? sized.family;
  return { name: canonical, key: nameKey(canonical), size: sized.size };
}
