import type { Neo4jSettings } from '../../src/neo4j/settings.js';

// tests/global-setup.ts provides the Neo4j every integration test uses: `inject('neo4j')`.
declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jSettings;
  }
}

export {};
