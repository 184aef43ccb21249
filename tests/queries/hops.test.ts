import { describe, expect, it } from 'vitest';
import { hopsOfN } from '../../src/queries/edges.js';
import { nodeByNameQuery } from '../../src/queries/nodes.js';

describe('the hops of a node (hopsOfN)', () => {
  it('puts the types asked in the pattern, each direction on its own, and leaves out a direction asked for nothing', () => {
    const cypher = hopsOfN({ out: ['FROM_CONTRIBUTOR', 'BASED_ON'], in: [] });
    expect(cypher).toContain('MATCH (n)-[r:BASED_ON|FROM_CONTRIBUTOR]->(m:Entity)');
    expect(cypher).not.toContain('<-[r');
    expect(hopsOfN({ out: null, in: ['BASED_ON'] })).toMatch(/MATCH \(n\)-\[r\]->\(m:Entity\)[\s\S]*UNION ALL[\s\S]*MATCH \(n\)<-\[r:BASED_ON\]-\(m:Entity\)/);
    expect(hopsOfN({ out: [], in: [] })).toBe('CALL (n) { RETURN [] AS hops }');
  });

  it('refuses anything but a relationship type of the graph, so no text reaches the statement', () => {
    expect(() => hopsOfN({ out: ['BASED_ON]->() DETACH DELETE n //'], in: [] })).toThrow(/not a relationship type/);
  });

  it('makes one statement per combination of types, whatever their order', () => {
    expect(nodeByNameQuery({ out: ['BASED_ON', 'FROM_CONTRIBUTOR'], in: [] })).toBe(nodeByNameQuery({ out: ['FROM_CONTRIBUTOR', 'BASED_ON'], in: [] }));
    expect(nodeByNameQuery({ out: ['BASED_ON'], in: [] })).not.toBe(nodeByNameQuery({ out: [], in: ['BASED_ON'] }));
  });
});
