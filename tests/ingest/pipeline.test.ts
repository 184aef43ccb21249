import { mkdtemp, rm, writeFile, mkdir, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGraph, listInputs } from '../../ingest/pipeline.js';
import { EDGE_TYPES, NODE_LABELS } from '../../ingest/graph/types.js';
import { CORPUS } from './support/markdown.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ingest-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('inputs', () => {
  it('reads every .md of a folder, sorted by name, and files as given', async () => {
    const files = await listInputs([CORPUS]);
    expect(files.map((f) => f.split('/').pop())).toEqual([
      'align-llm-human-survey.md',
      'my-llm.md',
      'open-source-chatgpt-list-early.md',
      'open-source-chatgpt-list.md',
    ]);
  });

  it('throws an error naming a missing path', async () => {
    await expect(buildGraph([join(dir, 'nope.md')])).rejects.toThrow(/nope\.md/);
  });

  it('refuses two inputs with the same file name (provenance names files without folders)', async () => {
    await mkdir(join(dir, 'a'));
    await mkdir(join(dir, 'b'));
    await writeFile(join(dir, 'a', 'x.md'), '# x\n');
    await writeFile(join(dir, 'b', 'x.md'), '# x\n');
    await expect(buildGraph([join(dir, 'a'), join(dir, 'b')])).rejects.toThrow(/x\.md/);
  });
});

describe('the graph value', () => {
  it('is deterministic and sorted, with stable ids', async () => {
    const first = await buildGraph([CORPUS]);
    const second = await buildGraph([CORPUS]);
    expect(JSON.stringify(second.graph)).toBe(JSON.stringify(first.graph));
    const ids = first.graph.nodes.map((n) => n.id);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const edgeIds = first.graph.edges.map((e) => e.id);
    expect([...edgeIds].sort()).toEqual(edgeIds);
    for (const n of first.graph.nodes) {
      expect(NODE_LABELS).toContain(n.label);
      expect(n.id.startsWith(`${n.label.toLowerCase()}:`)).toBe(true);
      expect(n.aliases).not.toContain(n.name);
    }
    for (const e of first.graph.edges) {
      expect(EDGE_TYPES).toContain(e.type);
      expect(e.id).toBe(`${e.type}:${e.source}->${e.target}`);
      expect(ids).toContain(e.source);
      expect(ids).toContain(e.target);
      expect(e.source).not.toBe(e.target);
    }
  });

  it('does not depend on where the corpus lives', async () => {
    const copy = join(dir, 'corpus');
    await mkdir(copy);
    for (const f of await listInputs([CORPUS])) await copyFile(f, join(copy, f.split('/').pop()!));
    const moved = await buildGraph([copy]);
    const original = await buildGraph([CORPUS]);
    expect(JSON.stringify(moved.graph)).toBe(JSON.stringify(original.graph));
  });

  it('reads a single small file and logs progress through the callback', async () => {
    const file = join(dir, 'tiny.md');
    // A lone level-1 heading titles the list; the section is the level-2 heading.
    await writeFile(file, '# Tiny list\n\n## Models\n\n| contributor | model | base model |\n| --- | --- | --- |\n| Acme | [Foo](https://github.com/acme/foo) | LLaMA-7B |\n');
    const lines: string[] = [];
    const { graph } = await buildGraph([file], { log: (m) => lines.push(m) });
    expect(lines.some((l) => l.includes('tiny.md'))).toBe(true);
    expect(graph.edges.map((e) => e.id)).toEqual([
      'BASED_ON:model:foo->model:llama',
      'FROM_CONTRIBUTOR:model:foo->organization:acme',
      'IN_CATEGORY:model:foo->category:models',
    ]);
    const foo = graph.nodes.find((n) => n.id === 'model:foo')!;
    expect(foo.provenance).toEqual([{ source: 'tiny.md', line: 7, section: ['Tiny list', 'Models'], derivedFrom: 'table', column: 'model' }]);
  });
});
