import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { createDriver } from '../../src/neo4j/driver.js';
import { provideNeo4j } from '../../src/neo4j/provide.js';

describe('provideNeo4j with NEO4J_URI', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('uses the given Neo4j and starts nothing locally', async () => {
    const given = inject('neo4j');
    const scratch = await mkdtemp(join(tmpdir(), 'llm-lineage-provide-'));
    const dataDir = join(scratch, 'data');
    vi.stubEnv('NEO4J_URI', given.uri);
    vi.stubEnv('NEO4J_USER', given.user);
    vi.stubEnv('NEO4J_PASSWORD', given.password);
    vi.stubEnv('NEO4J_DATABASE', given.database ?? '');
    const lines: string[] = [];
    try {
      const provided = await provideNeo4j({ dataDir, log: (m) => lines.push(m) });
      expect(provided.embedded).toBe(false);
      expect(provided.settings).toEqual(given);
      // Nothing was started: no data folder, no state file.
      expect(existsSync(dataDir)).toBe(false);
      await provided.stop();

      // The settings are usable as they are (and the database is still up after stop()).
      const driver = createDriver(provided.settings);
      try {
        const { records } = await driver.executeQuery('RETURN 2 AS two', {}, { database: provided.settings.database });
        expect(records[0].get('two')).toBe(2);
      } finally {
        await driver.close();
      }
      expect(lines.join('\n')).toContain('NEO4J_URI');
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });

  it('keeps the password out of its log lines', async () => {
    vi.stubEnv('NEO4J_URI', 'neo4j+s://someone:uri-secret@example.databases.neo4j.io');
    vi.stubEnv('NEO4J_PASSWORD', 'env-secret');
    const lines: string[] = [];
    const provided = await provideNeo4j({ log: (m) => lines.push(m) });
    expect(provided.settings.password).toBe('env-secret');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toMatch(/uri-secret|env-secret/);
  });
});
