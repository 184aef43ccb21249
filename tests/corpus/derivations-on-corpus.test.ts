import { describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { corpusGraph } from '../support/corpus.js';
import { dataOf, serveGraph, type TestServer } from '../support/server.js';

/** How models were made, asked of the API on the bundled corpus, and checked against what the ingest read. */

let driver: Driver;
let server: TestServer;

serveGraph(corpusGraph, (d, s) => {
  driver = d;
  server = s;
});

const data = (query: string, variables?: Record<string, unknown>) => dataOf(server, query, variables);

const names = (items: { name: string }[]) => items.map((i) => i.name);

describe('derivation kinds on the bundled corpus, over HTTP', () => {
  it('every LoRA adapter of LLaMA: models(filter: { basedOn: "LLaMA", derivation: ADAPTER }), Chinese-Vicuna among them with its words', async () => {
    const { models, model } = await data(`{
      models(filter: { basedOn: "LLaMA", derivation: ADAPTER }, first: 100) { totalCount nodes { name
        baseLinks(kinds: [ADAPTER]) { model { name } derivation { kinds methods evidence { words source line from } } } } }
      model(name: "LLaMA") { derivatives(kinds: [ADAPTER]) { name } } }`);
    expect(models.totalCount).toBe(models.nodes.length);
    // The filter and the field agree (LLaMA has no size variant of its own here that others are based on).
    expect(names(models.nodes)).toEqual(names(model.derivatives));
    const vicuna = models.nodes.find((m: { name: string }) => m.name === 'Chinese-Vicuna');
    const link = vicuna.baseLinks.find((l: { model: { name: string } }) => l.model.name === 'LLaMA');
    expect(link.derivation.kinds).toEqual(['ADAPTER']);
    expect(link.derivation.methods).toEqual(['LoRA']);
    // "A Chinese Instruction-following LLaMA-based Model, fine-tuned with Lora", in both lists that carry the row.
    expect(link.derivation.evidence).toContainEqual({ words: 'Lora', source: 'open-source-chatgpt-list.md', line: 156, from: 'TEXT' });
  });

  it('gives every BASED_ON relation a derivation, the one the ingest read', async () => {
    const graph = await corpusGraph();
    const read = new Map(graph.edges.filter((e) => e.type === 'BASED_ON').map((e) => [e.id, e.derivation]));
    const { relations } = await data('{ relations(type: BASED_ON, first: 100) { totalCount } }');
    expect(relations.totalCount).toBe(read.size);
    const seen = new Map<string, { kinds: string[]; methods: string[] }>();
    let after: string | null = null;
    do {
      const page: any = (await server.graphql('query($after: String) { relations(type: BASED_ON, first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { id derivation { kinds methods } } } }', { after })).body.data.relations;
      for (const r of page.nodes) seen.set(r.id, r.derivation);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    for (const [id, derivation] of read) expect(seen.get(id), id).toEqual({ kinds: derivation!.kinds, methods: derivation!.methods });
  });

  it("counts LLaMA's derivatives and descendants by kind as its lists of them say", async () => {
    const { model } = await data(`{ model(name: "LLaMA") { derivativeKinds { kind count } descendantKinds { kind count }
      derivativeLinks { derivation { kinds } } descendants(maxDepth: 10) { model { id } } } }`);
    const byKind = new Map<string, number>();
    for (const l of model.derivativeLinks) for (const k of l.derivation.kinds) byKind.set(k, (byKind.get(k) ?? 0) + 1);
    expect(new Map(model.derivativeKinds.map((c: { kind: string; count: number }) => [c.kind, c.count]))).toEqual(byKind);
    expect(model.derivativeKinds.map((c: { count: number }) => c.count)).toEqual([...model.derivativeKinds.map((c: { count: number }) => c.count)].sort((a, b) => b - a));
    expect(byKind.get('ADAPTER')).toBeGreaterThanOrEqual(5);
    expect(byKind.get('FINETUNE')).toBeGreaterThan(byKind.get('ADAPTER')!);
    // Over all descendants each kind counts at least its direct ones, and never more than there are descendants.
    for (const c of model.descendantKinds) {
      expect(c.count, c.kind).toBeGreaterThanOrEqual(byKind.get(c.kind) ?? 0);
      expect(c.count, c.kind).toBeLessThanOrEqual(model.descendants.length);
    }
  });

  it('walks LLaMA\'s family through its continued pre-trainings only: Lawyer LLaMA and taoli, not Alpaca', async () => {
    const { lineage } = await data(`{ lineage(name: "LLaMA", direction: DESCENDANTS, maxDepth: 2, kinds: [CONTINUED_PRETRAINING], types: [BASED_ON]) {
      nodes { name } edges { derivation { kinds } } } }`);
    expect(names(lineage.nodes)).toEqual(expect.arrayContaining(['LLaMA', 'Lawyer LLaMA', 'taoli']));
    expect(names(lineage.nodes)).not.toContain('Alpaca');
    for (const e of lineage.edges) expect(e.derivation.kinds).toContain('CONTINUED_PRETRAINING');
  });
});
