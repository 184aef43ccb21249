/**
 * One real Neo4j for the whole test run, handed to tests as `inject('neo4j')`.
 *
 * NEO4J_TEST_URI (with NEO4J_TEST_USER, NEO4J_TEST_PASSWORD, NEO4J_TEST_DATABASE) points the tests
 * at an existing Neo4j, whose data the tests may overwrite. Otherwise an embedded Neo4j starts on a
 * free port with a fresh data folder under the OS temp dir, removed again at teardown.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbedded } from '../src/neo4j/embedded.js';
import { describe, settingsFromEnv } from '../src/neo4j/settings.js';
import './support/neo4j-context.js';

const log = (m: string) => process.stderr.write(`[test neo4j] ${m}\n`);

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = settingsFromEnv({
    NEO4J_URI: process.env.NEO4J_TEST_URI,
    NEO4J_USER: process.env.NEO4J_TEST_USER,
    NEO4J_PASSWORD: process.env.NEO4J_TEST_PASSWORD,
    NEO4J_DATABASE: process.env.NEO4J_TEST_DATABASE,
  });
  if (external) {
    log(`using ${describe(external)} (NEO4J_TEST_URI)`);
    project.provide('neo4j', external);
    return async () => {};
  }

  const home = await mkdtemp(join(tmpdir(), 'llm-lineage-test-neo4j-'));
  try {
    const neo4j = await startEmbedded({ dataDir: join(home, 'data'), log });
    project.provide('neo4j', neo4j.settings);
    return async () => {
      try {
        await neo4j.stop();
      } finally {
        await rm(home, { recursive: true, force: true });
      }
    };
  } catch (e) {
    await rm(home, { recursive: true, force: true });
    throw e;
  }
}
