import { nameKey } from '../graph/name-key.js';
import { splitSize } from '../names/size.js';
import { isNonLatin } from '../names/text.js';
import type { Prepared } from './keys.js';

/**
 * The display name of a thing, organization, language, license or domain, by a rule a list
 * maintainer can predict (papers keep their title, categories their heading path):
 *
 *  1. the alias table's canonical name, when the table applies (`UC Berkeley`);
 *  2. else the name written most often over all mentions, names compared by name key; a size
 *     that joined its family counts for the family's name (`GPT-NeoX-20B` ×4 makes `GPT-NeoX`
 *     beat my-llm's `Gpt-neox` ×1); ties go to a name some entry (row or list item) uses, then
 *     to the name seen first in corpus order;
 *  3. of that name's spellings: one with a capital letter over an all-lower-case one (`Dolly`
 *     over my-llm's `dolly`, `Pythia` over `pythia`), then the one written most often, then one
 *     from a table's name column, then the first in corpus order.
 *
 * The `X` of a paper titled `X: …` (title-cased, only a guess) votes for a name only when nothing
 * else names the entity, but its capitals count in step 3 (`Baize: …` over the rows' `baize`). Latin-script names are preferred over names written only in another script (`华驼`); a
 * Latin alternative given beside one (`华驼(HuaTuo)`) votes instead.
 */
export function chooseDisplayName(ms: Prepared[], sizeOnly: Set<Prepared>, familyName: (it: Prepared) => string | null): string {
  const votes = ms.map((it, order) => {
    let spelling = it.m.name;
    if (sizeOnly.has(it)) spelling = splitSize(it.m.name)?.family ?? familyName(it) ?? spelling;
    else if (isNonLatin(spelling)) spelling = it.m.alsoKnownAs?.find((a) => !isNonLatin(a)) ?? spelling;
    const tableEntry = it.m.role === 'entry' && it.m.provenance.derivedFrom === 'table';
    return { spelling, key: nameKey(spelling) || spelling, entry: it.m.role === 'entry', tableEntry, order };
  });
  // A paper title's `X:` is only a guess at a name (and title-cased): it votes when nothing else does.
  const firm = votes.filter((v) => !ms[v.order].m.tentative);
  const latin = (firm.length ? firm : votes).filter((v) => !isNonLatin(v.spelling));
  const pool = latin.length ? latin : firm.length ? firm : votes;

  const byKey = new Map<string, typeof pool>();
  for (const v of pool) {
    const same = byKey.get(v.key);
    if (same) same.push(v);
    else byKey.set(v.key, [v]);
  }
  const rankKey = (vs: typeof pool) => [vs.length, vs.some((v) => v.entry) ? 1 : 0, -vs[0].order];
  const [, best] = [...byKey].sort((a, b) => compare(rankKey(b[1]), rankKey(a[1])))[0];

  // A paper title may still tell the capitals of a name the rows write in lower case (`Baize`).
  const bySpelling = new Map<string, typeof pool>();
  for (const v of votes.filter((v) => v.key === best[0].key)) {
    const same = bySpelling.get(v.spelling);
    if (same) same.push(v);
    else bySpelling.set(v.spelling, [v]);
  }
  const firmCount = (vs: typeof pool) => vs.filter((v) => !ms[v.order].m.tentative).length;
  const rankSpelling = ([s, vs]: [string, typeof pool]) => [/\p{Lu}/u.test(s) ? 1 : 0, firmCount(vs), vs.some((v) => v.tableEntry) ? 1 : 0, -vs[0].order];
  return [...bySpelling].sort((a, b) => compare(rankSpelling(b), rankSpelling(a)))[0][0];
}

/** Lexicographic comparison of rank tuples. */
function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
