import { statSync } from 'node:fs';
import { delimiter } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureLauncherBuilt } from '../../src/neo4j/build-launcher.js';
import { Neo4jSetupError, launcherPaths } from '../../src/neo4j/launcher.js';

const quiet = () => {};

describe('ensureLauncherBuilt', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('returns the classpath of the current build without rebuilding it', async () => {
    // The global setup has already built it.
    const p = launcherPaths();
    const stampBefore = statSync(p.stamp).mtimeMs;
    const cp = (await ensureLauncherBuilt(quiet)).split(delimiter);
    expect(cp[0]).toBe(p.jar);
    expect(cp.some((e) => /[/\\]neo4j-kernel-5\.26\.\d+\.jar$/.test(e))).toBe(true);
    expect(statSync(p.stamp).mtimeMs).toBe(stampBefore);
  });

  it('without java, names the three ways to get a Neo4j', async () => {
    vi.stubEnv('PATH', '/nonexistent-llm-lineage-bin');
    vi.stubEnv('JAVA_HOME', '');
    const err = await ensureLauncherBuilt(quiet).then(
      () => null,
      (e: Error) => e,
    );
    expect(err).toBeInstanceOf(Neo4jSetupError);
    expect(err!.message).toMatch(/`java` was not found/);
    expect(err!.message).toMatch(/Java 17\+ and Maven/);
    expect(err!.message).toContain('docker compose up');
    expect(err!.message).toMatch(/NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD/);
  });
});
