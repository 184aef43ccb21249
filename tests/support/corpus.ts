import { fileURLToPath } from 'node:url';
import type { Graph } from '../../ingest/graph/types.js';
import { buildGraph } from '../../ingest/pipeline.js';

export const CORPUS_DIR = fileURLToPath(new URL('../../data/corpus', import.meta.url));

let cached: Promise<Graph> | undefined;

/** The dry-run graph of the bundled corpus, built once per test file. */
export function corpusGraph(): Promise<Graph> {
  cached ??= buildGraph([CORPUS_DIR]).then((r) => r.graph);
  return cached;
}
