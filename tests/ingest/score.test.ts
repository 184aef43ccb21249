import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../ingest/pipeline.js';
import { CORPUS } from './support/markdown.js';

/** The shared scorer sits beside the repository (`../shared`) on every machine, CI included. */
const SCORE = fileURLToPath(new URL('../../../shared/extraction/score.py', import.meta.url));
const present = existsSync(SCORE);
if (!present) console.warn(`skipping the gold-sample score: ${SCORE} not found`);

describe.skipIf(!present)('gold sample (../shared/extraction/score.py)', () => {
  it('meets every threshold', async () => {
    const { graph } = await buildGraph([CORPUS]);
    const dir = await mkdtemp(join(tmpdir(), 'ingest-score-'));
    try {
      const file = join(dir, 'graph.json');
      await writeFile(file, JSON.stringify(graph));
      let out: string;
      try {
        out = (await promisify(execFile)('python3', [SCORE, file])).stdout;
      } catch (e) {
        throw new Error(`score.py failed:\n${(e as { stdout?: string }).stdout ?? e}`);
      }
      expect(out).toMatch(/identity (\d+)\/\1 \| violations 0/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
