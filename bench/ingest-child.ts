/**
 * One measured ingest step in a process of its own, so that its peak memory is its own:
 *
 *   tsx bench/ingest-child.ts dry-run <list.md>           parse → graph, as `npm run ingest -- --dry-run`
 *   tsx bench/ingest-child.ts load <list.md> <bolt-uri>   build, then the store's load into an empty
 *                                                          database, then the same load again (no change)
 *   tsx bench/ingest-child.ts floor <list.md> <bolt-uri>  build, then a hand-written UNWIND MERGE of the same graph
 *
 * Prints one JSON line: times in ms, peak resident memory in MB, what was written.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDriver } from '../src/neo4j/driver.js';
import { buildGraph } from '../ingest/pipeline.js';
import { storeGraph } from '../ingest/load/load.js';
import { sha256 } from '../ingest/input/files.js';
import { floorLoad } from './floor-load.js';

const [mode, file, uri] = process.argv.slice(2);
const peakMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

const started = performance.now();
const { graph, report } = await buildGraph([file]);
const buildMs = performance.now() - started;
const out: Record<string, unknown> = { mode, buildMs, nodes: graph.nodes.length, edges: graph.edges.length };

if (mode === 'load' || mode === 'floor') {
  const driver = createDriver({ uri, user: 'neo4j', password: '' });
  try {
    if (mode === 'load') {
      const text = await readFile(file, 'utf8');
      const f = report.files[0];
      const sources = [{ source: basename(file), text, sha256: sha256(text), origin: file, date: new Date().toISOString(), commit: null, counts: { mentions: f.mentions, statements: f.statements, claims: f.claims } }];
      let t = performance.now();
      const first = await storeGraph(driver, graph, sources);
      out.loadMs = performance.now() - t;
      t = performance.now();
      const again = await storeGraph(driver, graph, sources);
      out.rerunMs = performance.now() - t;
      out.written = { nodes: first.nodes, relationships: first.relationships, rerunChanged: again.changed };
    } else {
      const t = performance.now();
      out.written = await floorLoad(driver, graph);
      out.loadMs = performance.now() - t;
    }
  } finally {
    await driver.close();
  }
}
out.peakMB = peakMB();
process.stdout.write(`${JSON.stringify(out)}\n`);
