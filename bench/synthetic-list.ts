/**
 * Synthetic awesome lists in the bundled corpus's own shapes (open-source-chatgpt-list.md), for
 * benchmarks at sizes no real list has yet: a "Base Models" table, datasets under "Data", then
 * fine-tunes in "Domain Models" and "General Domain Instruction Models" tables with a base-model
 * column and a main-feature sentence. The lineage is realistic: hundreds of bases, fine-tunes of
 * fine-tunes down to depth 6, fan-out by preferential attachment (a power law: a few bases have
 * thousands of descendants, most have a handful), contributors drawn from a pool of
 * organizations by a Zipf law, sizes written as in real lists (`LLaMA-13B` as a base is LLaMA at
 * 13B), and sentences that state data ("fine-tuned on X") and bases. Deterministic for a seed.
 */
import { random } from './random.js';

const SYLLABLES = ['al', 'ba', 'co', 'da', 'el', 'fa', 'ga', 'hu', 'ix', 'jo', 'ka', 'lu', 'mi', 'no', 'or', 'pa', 'qu', 'ra', 'si', 'tu', 'ur', 'vi', 'wa', 'xe', 'yo', 'ze'];
const LICENSES = ['Apache-2.0', 'MIT', 'CC-BY-NC-4.0', 'GPL-3.0', 'LLaMA license', 'BSD-3-Clause', '-'];
const LANGUAGES = ['en', 'zh', 'en/zh', 'multi', 'ja', 'en/ja'];
const DOMAINS = ['medical', 'legal', 'finance', 'education', 'biomedical', 'code', 'math', 'science'];
const SIZES = ['7B', '13B', '33B', '65B', '1.3B', '6B', '40B'];

export interface SyntheticList {
  text: string;
  rows: number;
  bases: number;
  maxDepth: number;
}

export function syntheticList(rows: number, seed = 42): SyntheticList {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const used = new Set<string>();
  const word = (parts: number) => {
    let w = '';
    for (let i = 0; i < parts; i++) w += pick(SYLLABLES);
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  const uniqueName = (parts: number, suffix = '') => {
    for (;;) {
      const name = `${word(parts)}${suffix}`;
      if (!used.has(name.toLowerCase())) {
        used.add(name.toLowerCase());
        return name;
      }
      parts++;
    }
  };
  // Zipf over organizations: the first few contribute most models.
  const orgCount = Math.max(20, Math.round(rows / 40));
  const orgs = Array.from({ length: orgCount }, (_, i) => (i % 3 === 0 ? `@${word(3).toLowerCase()}` : `${uniqueName(2)} ${pick(['Lab', 'AI', 'University', 'Research'])}`));
  const harmonic = orgs.reduce((s, _, i) => s + 1 / (i + 1), 0);
  const zipfOrg = () => {
    let r = rand() * harmonic;
    for (let i = 0; i < orgs.length; i++) if ((r -= 1 / (i + 1)) <= 0) return orgs[i];
    return orgs[orgs.length - 1];
  };
  const contributors = () => (rand() < 0.15 ? `${zipfOrg()}<br />${zipfOrg()}` : zipfOrg());
  const repoOf = (org: string, name: string) => `https://github.com/${org.replace(/^@/, '').replace(/\W+/g, '-').toLowerCase()}/${name.toLowerCase()}`;

  const baseCount = Math.min(600, Math.max(10, Math.round(rows / 25)));
  const datasetCount = Math.max(5, Math.round(rows / 200));
  const models: { name: string; depth: number; children: number; sizes: string[] }[] = [];
  const lines: string[] = ['# Synthetic open LLM list', '', `A generated list of ${rows} rows for benchmarks.`, ''];
  const header = (cols: string[]) => [`| ${cols.join(' | ')} |`, `| ${cols.map(() => '---').join(' | ')} |`];

  lines.push('# Base Models', '', ...header(['contributor', 'model/project', 'license', 'language', 'main feature']));
  for (let i = 0; i < baseCount; i++) {
    const org = zipfOrg();
    const name = uniqueName(2);
    const sizes = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(SIZES)))];
    models.push({ name, depth: 0, children: 0, sizes });
    lines.push(`| ${org} | [${name}](${repoOf(org, name)}) | ${pick(LICENSES)} | ${pick(LANGUAGES)} | a ${sizes.join('/')} base model pretrained on ${Math.round(rand() * 2000)}B tokens. |`);
  }

  const datasets: string[] = [];
  lines.push('', '# Data', '', '## Instruction Data', '', ...header(['contributor', 'data', 'language', 'main feature']));
  for (let i = 0; i < datasetCount; i++) {
    const org = zipfOrg();
    const name = uniqueName(2, '-Instruct');
    datasets.push(name);
    lines.push(`| ${org} | [${name}](${repoOf(org, name)}) | ${pick(LANGUAGES)} | ${Math.round(rand() * 900) + 10}k instruction pairs. |`);
  }

  // Fine-tunes: the parent is drawn in proportion to (children + 1)^1.2 among models shallower
  // than 6 (preferential attachment), from a Fenwick tree of weights: O(log n) per row.
  const capacity = rows + 1;
  const tree = new Float64Array(capacity + 1);
  const weights = new Float64Array(capacity);
  const setWeight = (i: number, w: number) => {
    const delta = w - weights[i];
    weights[i] = w;
    for (let j = i + 1; j <= capacity; j += j & -j) tree[j] += delta;
  };
  const totalWeight = () => {
    let s = 0;
    for (let j = capacity; j > 0; j -= j & -j) s += tree[j];
    return s;
  };
  const chooseParent = () => {
    let r = rand() * totalWeight();
    let pos = 0;
    for (let step = 1 << Math.floor(Math.log2(capacity)); step > 0; step >>= 1) {
      if (pos + step <= capacity && tree[pos + step] < r) {
        pos += step;
        r -= tree[pos];
      }
    }
    return Math.min(pos, models.length - 1);
  };
  models.forEach((_, i) => setWeight(i, 1));
  const sections = ['Domain Models', 'General Domain Instruction Models'];
  const fineTunes = rows - baseCount - datasetCount;
  const perSection = 500;
  for (let k = 0; k < fineTunes; k++) {
    if (k % perSection === 0) {
      const domain = (k / perSection) % 2 === 0;
      lines.push('', `# ${sections[domain ? 0 : 1]}`, '', `## Group ${k / perSection + 1}`, '');
      lines.push(...header(domain ? ['contributor', 'model', 'domain', 'language', 'base model', 'main feature'] : ['contributor', 'model/project', 'language', 'base model', 'main feature']));
    }
    const domainTable = Math.floor(k / perSection) % 2 === 0;
    const p = chooseParent();
    const parent = models[p];
    const org = contributors();
    const name = uniqueName(2, rand() < 0.3 ? `-${pick(['Chat', 'Instruct', 'Med', 'Code', 'Lite'])}` : '');
    const base = parent.depth === 0 && parent.sizes.length && rand() < 0.5 ? `${parent.name}-${pick(parent.sizes)}` : parent.name;
    const data = pick(datasets);
    const feature =
      rand() < 0.5
        ? `fine-tuned on ${data} with LoRA, ${Math.round(rand() * 100)}k steps.`
        : `an instruction-following model based on ${parent.name}, trained on ${data} data.`;
    const link = `[${name}](${repoOf(org.split('<br />')[0], name)})`;
    lines.push(
      domainTable
        ? `| ${org} | ${link} | ${pick(DOMAINS)} | ${pick(LANGUAGES)} | ${base} | ${feature} |`
        : `| ${org} | ${link} | ${pick(LANGUAGES)} | ${base} | ${feature} |`,
    );
    parent.children++;
    setWeight(p, (parent.children + 1) ** 1.2);
    models.push({ name, depth: parent.depth + 1, children: 0, sizes: [] });
    setWeight(models.length - 1, parent.depth + 1 < 6 ? 1 : 0);
  }
  return { text: `${lines.join('\n')}\n`, rows, bases: baseCount, maxDepth: Math.max(...models.map((m) => m.depth)) };
}
