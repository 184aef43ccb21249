import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../ingest/extract/extract.js';
import { AFTER_BASE_NAME, COMPARISON, DATA_PROVENANCE, TRAINING, TRIGGERS } from '../../ingest/extract/prose/patterns.js';
import { isIndentedProse } from '../../ingest/extract/extract.js';
import { MAX_CLAIMS_PER_SENTENCE, findClaims } from '../../ingest/extract/prose/claims.js';
import { splitSentences } from '../../ingest/extract/prose/sentences.js';
import { SEED_KNOWLEDGE } from '../../ingest/extract/knowledge.js';
import { datasetNames } from '../../ingest/extract/tables/dataset-cells.js';
import { buildGraph } from '../../ingest/pipeline.js';
import { parseMarkdown } from '../../ingest/parse/markdown.js';
import { CORPUS } from './support/markdown.js';

/**
 * Inputs are hostile until proven otherwise: no pattern of the extractor may take more than
 * linear time on a long line, and no document may hang the extract step. The bounds are
 * generous (a loaded two-core machine); they catch hangs, they do not measure speed.
 */
const RELIABILITY = fileURLToPath(new URL('../fixtures/reliability/', import.meta.url));
const BOUND_MS = 10_000;

const elapsed = (f: () => unknown) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

/** Long runs of what patterns repeat over: spaces, words, brackets, digits, CJK, trigger words. */
const ADVERSARIAL = [
  ' '.repeat(50_000),
  'a'.repeat(50_000),
  'based on '.repeat(6_000),
  'fine-tuned from LLaMA '.repeat(2_000),
  '基于'.repeat(20_000),
  'LLaMA 微调'.repeat(6_000),
  '('.repeat(20_000) + 'x',
  '[ '.repeat(20_000),
  '1'.repeat(50_000) + 'x',
  'x conversations '.repeat(3_000),
  '*_'.repeat(20_000),
  'を'.repeat(20_000),
  '.'.repeat(50_000),
  '\n'.repeat(20_000) + 'x',
];

describe('patterns on hostile text', () => {
  it('every trigger and guard pattern scans 50 KB of repetition without super-linear work', () => {
    for (const text of ADVERSARIAL) {
      for (const t of TRIGGERS) {
        const ms = elapsed(() => {
          t.re.lastIndex = 0;
          for (const _ of text.matchAll(t.re)) void _;
        });
        expect(ms, `${t.re.source} on ${JSON.stringify(text.slice(0, 12))}…`).toBeLessThan(BOUND_MS / 5);
      }
      for (const re of [COMPARISON, DATA_PROVENANCE, TRAINING, AFTER_BASE_NAME]) expect(elapsed(() => re.test(text))).toBeLessThan(BOUND_MS / 5);
    }
  });

  it('telling indented prose from code is linear on long lines', () => {
    for (const text of [...ADVERSARIAL, 'word '.repeat(10_000), 'word '.repeat(10_000) + '.', '中文'.repeat(20_000)]) {
      expect(elapsed(() => isIndentedProse({ type: 'code', value: text }))).toBeLessThan(BOUND_MS / 5);
    }
  });

  it('a sentence repeating a trigger thousands of times yields a bounded number of claims', () => {
    const claims = findClaims({ text: 'based on LLaMA '.repeat(3_000), links: [], bold: [] });
    expect(claims.length).toBe(MAX_CLAIMS_PER_SENTENCE);
  });

  it('reads a training-data cell of 50 KB of repetition in bounded time', () => {
    for (const text of [...ADVERSARIAL, ' 約1'.repeat(15_000), '1,'.repeat(25_000), 'a' + ' '.repeat(50_000) + 'や']) {
      expect(elapsed(() => datasetNames({ text, links: [], bold: [] }, SEED_KNOWLEDGE)), JSON.stringify(text.slice(0, 12))).toBeLessThan(BOUND_MS / 5);
    }
  });

  it('splits a text of thousands of soft-wrapped lines and full stops in bounded time', () => {
    const text = 'x based on LLaMA\n'.repeat(3_000) + '. '.repeat(10_000);
    expect(elapsed(() => splitSentences({ text, links: [], bold: [] }))).toBeLessThan(BOUND_MS / 2);
  });
});

describe('the reproducers of ../shared/reliability that reach the extractor', () => {
  // The nesting and encoding reproducers are refused before the parser (the pipeline's input limits, tested with them).
  const files = readdirSync(RELIABILITY).filter((f) => /^(?:slow-|hang-spaces|hang-soft)/.test(f)).sort();

  it.each(files)('%s: a graph or a clear error naming the file, in bounded time', async (file) => {
    const t = performance.now();
    let outcome: string;
    try {
      const { graph } = await buildGraph([`${RELIABILITY}${file}`]);
      outcome = `graph of ${graph.nodes.length} nodes`;
    } catch (e) {
      outcome = (e as Error).message;
      expect(outcome).toContain(file);
    }
    expect(performance.now() - t, outcome).toBeLessThan(BOUND_MS);
  });
});

describe('fuzzing the extract step with mutated corpus text', () => {
  const corpus = readFileSync(`${CORPUS}open-source-chatgpt-list.md`, 'utf8') + readFileSync(`${CORPUS}my-llm.md`, 'utf8');
  const hostile = fc.constantFrom(' ', 'based on ', '(', ')', '[', '](', '|', '*', '_', '`', '基于', '微调', '\n', '- ', '> ', '<details>', '<summary>X</summary>', '||', 'LLaMA-7B|13B|', 'x conversations ', '：', '\u00a0');

  it('never throws and never hangs', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: corpus.length - 1 }),
        fc.integer({ min: 200, max: 4_000 }),
        fc.array(fc.tuple(fc.nat(), hostile, fc.integer({ min: 1, max: 2_000 })), { maxLength: 4 }),
        (start, length, insertions) => {
          let text = corpus.slice(start, start + length);
          for (const [at, token, times] of insertions) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + token.repeat(times) + text.slice(i);
          }
          const ms = elapsed(() => extractDocument(parseMarkdown('fuzz.md', text)));
          return ms < BOUND_MS;
        },
      ),
      { numRuns: 40, seed: 20261201 },
    );
  });
});
