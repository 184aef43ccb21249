import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql ships CommonJS and ES builds; Node (and so Apollo, graphql-tools, graphql-armor) loads
    // the CommonJS one, Vite would give our sources the other, and graphql-js refuses to mix them.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // Starts one real Neo4j (embedded, or NEO4J_TEST_URI) and provides its settings as inject('neo4j').
    globalSetup: ['tests/global-setup.ts'],
    // Neo4j Community has a single user database, shared by all integration tests: one file at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Stopping Neo4j normally takes under a second; allow for a slow machine.
    teardownTimeout: 60_000,
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ['default', ['json', { outputFile: 'test-output/vitest.json' }]],
  },
});
