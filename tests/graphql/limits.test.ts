import { getIntrospectionQuery, parse, specifiedRules, validate, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { serverConfigFromEnv } from '../../src/config/server-config.js';
import { operationCost } from '../../src/graphql/limits/cost.js';
import { WHOLE_GRAPH } from '../../src/graphql/limits/cost-table.js';
import { documentRules } from '../../src/graphql/limits/document-rules.js';
import { searchText } from '../../src/graphql/limits/search-text.js';
import { buildSchema } from '../../src/graphql/schema.js';
import { luceneQuery } from '../../src/queries/search.js';

const schema = buildSchema();
const limits = serverConfigFromEnv({}).limits;
const rules = [...specifiedRules, ...documentRules(limits)];
const bounds = { maxLineageDepth: limits.maxLineageDepth, maxPageSize: limits.maxPageSize };

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
  return operationCost(schema, document, operation, variables, bounds);
}

const errors = (query: string) => validate(schema, parse(query), rules).map((e) => e.message);

describe('the cost model', () => {
  it('charges a fragment what its fields cost, spread or written out', () => {
    const inline = cost('{ models(first: 7) { nodes { name basedOn { name } } } }');
    const spread = cost('{ models(first: 7) { nodes { ...M } } } fragment M on Model { name basedOn { name } }');
    expect(spread).toBe(inline);
  });

  it('measures a fragment bomb in time linear in the document, at its full expanded cost', () => {
    const fragments = ['fragment F0 on Query { model(name: "x") { name } }'];
    for (let i = 1; i <= 40; i++) fragments.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
    // 2^40 copies: expanding them would never finish; measured once each, it is instant.
    expect(cost(`{ ...F40 } ${fragments.join(' ')}`)).toBe(2 ** 40 * cost('{ model(name: "x") { name } }'));
  });

  it('reads first and maxDepth from literals, variables and schema defaults', () => {
    expect(cost('query($n: Int) { search(query: "x", first: $n) { name } }', { n: 50 })).toBe(cost('{ search(query: "x", first: 50) { name } }'));
    expect(cost('{ search(query: "x") { name } }')).toBe(cost('{ search(query: "x", first: 10) { name } }'));
    expect(cost('{ lineage(name: "x", maxDepth: 10) { nodes { id } } }')).toBeGreaterThan(cost('{ lineage(name: "x", maxDepth: 2) { nodes { id } } }'));
  });

  it("fits the explorer's batched requests of 200 nodes (one aliased node field each) in the budget", () => {
    const ids = Array.from({ length: 200 }, (_, i) => i);
    const params = ids.map((i) => `$i${i}: ID!`).join(', ');
    const attachments = ids.map((i) => `n${i}: node(id: $i${i}) { relations(direction: OUTGOING, types: $types) { id type derivedFrom source { id } target { id name kind } } }`);
    const neighbours = ids.map((i) => `n${i}: node(id: $i${i}) { relations(direction: BOTH, types: $types) { source { id } target { id } } }`);
    const types = ['FROM_CONTRIBUTOR', 'TRAINED_WITH', 'USES_METHOD', 'DESCRIBED_IN'];
    for (const fields of [attachments, neighbours]) {
      const q = `query Q($types: [RelationType!], ${params}) { ${fields.join(' ')} }`;
      expect(errors(q)).toEqual([]);
      expect(cost(q, { types })).toBeLessThan(limits.maxQueryCost);
    }
  });

  it('charges the expensive fields for their work', () => {
    expect(cost('{ export { nodeCount } }')).toBeGreaterThanOrEqual(WHOLE_GRAPH);
    expect(cost('{ export(name: "x", maxDepth: 1) { nodeCount } }')).toBeLessThan(WHOLE_GRAPH / 10);
    const walk = cost('{ model(name: "x") { descendants(maxDepth: 10) { depth } } }');
    expect(cost('{ models(first: 100) { nodes { descendants(maxDepth: 10) { depth } } } }')).toBeGreaterThan(50 * walk);
    expect(cost('{ path(from: "a", to: "b", anyRelation: true) { length } }')).toBeGreaterThan(cost('{ path(from: "a", to: "b") { length } }'));
  });
});

describe('the document rules', () => {
  it('pass the standard introspection query of graphql-js', () => {
    expect(errors(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true }))).toEqual([]);
  });

  it('refuse too many aliases and directives, and mutations, with plain messages', () => {
    const aliases = Array.from({ length: limits.maxAliases + 1 }, (_, i) => `a${i}: overview { nodeCounts { count } }`).join(' ');
    expect(errors(`{ ${aliases} }`)).toEqual([`Aliases limit of ${limits.maxAliases} exceeded, found ${limits.maxAliases + 1}.`]);
    const directives = Array.from({ length: limits.maxDirectives + 1 }, () => '@skip(if: false)').join(' ');
    expect(errors(`{ overview ${directives} { nodeCounts { count } } }`)).toContain(`Directives limit of ${limits.maxDirectives} exceeded, found ${limits.maxDirectives + 1}.`);
    expect(errors('mutation { x }')).toContain('This API is read-only: it has no mutations. Send a query.');
  });

  it('count depth through fragments without counting the fragments themselves', () => {
    const deep = 'basedOn { '.repeat(11) + 'name' + ' }'.repeat(11);
    expect(errors(`{ model(name: "x") { ...D } } fragment D on Model { ${deep} }`)).toEqual(['Query depth limit of 12 exceeded, found 13.']);
  });
});

describe('search text', () => {
  it('is bounded with a message naming the bound', () => {
    expect(() => searchText('  ')).toThrow('query must not be empty.');
    expect(() => searchText('a '.repeat(17))).toThrow('query must be at most 16 words (got 17).');
    expect(() => searchText('x'.repeat(65))).toThrow('each word of query must be at most 64 characters (got one of 65).');
    expect(searchText(' vicuna 13b ')).toBe('vicuna 13b');
  });

  it('turns Lucene operators into words and escapes its syntax', () => {
    expect(luceneQuery('AND')).toBe('(and^3 OR and* OR and~)');
    expect(luceneQuery('a:b')).toBe('(a\\:b^3 OR a\\:b* OR a\\:b~)');
  });
});
