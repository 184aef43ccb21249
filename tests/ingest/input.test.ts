import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeMarkdown, firstInvalidUtf8 } from '../../ingest/input/decode.js';
import { readInputs, RefusedInputs } from '../../ingest/input/files.js';
import { checkTextLimits, DEFAULT_LIMITS } from '../../ingest/input/limits.js';
import { RefusedInput } from '../../ingest/input/refusal.js';
import { buildGraph } from '../../ingest/pipeline.js';
import { CORPUS } from './support/markdown.js';

/** The reproducers of /work/shared/reliability, copied byte for byte (see their README). */
const RELIABILITY = fileURLToPath(new URL('../fixtures/reliability/', import.meta.url));
const PNG = fileURLToPath(new URL('../../docs/explorer.png', import.meta.url));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ingest-input-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function refusal(paths: string[]): Promise<Error> {
  try {
    await buildGraph(paths);
  } catch (e) {
    return e as Error;
  }
  throw new Error(`${paths.join(', ')} was not refused`);
}

describe('files that are not Markdown text', () => {
  it('refuses a picture, naming the file and what it is', async () => {
    const e = await refusal([PNG]);
    expect(e).toBeInstanceOf(RefusedInput);
    expect(e.message).toBe(`${PNG}: not Markdown text: it is a PNG image`);
  });

  it('refuses binary data with NUL bytes, naming the line', async () => {
    const file = join(dir, 'data.md');
    await writeFile(file, Buffer.concat([Buffer.from('# Models\n\n| model |\n| --- |\n'), Buffer.from([0x7c, 0x00, 0x01, 0x02])]));
    expect((await refusal([file])).message).toBe(`${file}:5: not Markdown text: binary data (NUL bytes)`);
  });

  it('refuses Latin-1 (silent-latin1-decoding.md: "Vicuña" became "Vicu\\uFFFDa"), naming the line of the first bad byte', async () => {
    const file = join(RELIABILITY, 'silent-latin1-decoding.md');
    const e = await refusal([file]);
    expect(e.message).toMatch(new RegExp(`^${file}:5: not valid UTF-8 \\(byte 0xF1\\).*iconv -f latin1 -t utf-8$`));
  });

  it('reads UTF-16 with a byte-order mark (silent-utf16-zero-nodes.md gave 0 nodes), warning with the file name', async () => {
    const file = join(RELIABILITY, 'silent-utf16-zero-nodes.md');
    const lines: string[] = [];
    const { graph } = await buildGraph([file], { log: (m) => lines.push(m) });
    expect(graph.nodes.map((n) => n.name)).toContain('Vicuna');
    expect(lines).toContain(`warning: ${file}: read as UTF-16LE (it has a UTF-16LE byte-order mark); save it as UTF-8 to silence this warning`);
  });

  it('strips a UTF-8 byte-order mark', () => {
    const decoded = decodeMarkdown('bom.md', Buffer.from([0xef, 0xbb, 0xbf, 0x23, 0x20, 0x78]));
    expect(decoded.text).toBe('# x');
  });

  it('finds the first invalid UTF-8 sequence: overlong, surrogate and truncated forms included', () => {
    expect(firstInvalidUtf8(Buffer.from('plain ascii and ünïcödé 中文 🦙'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xed, 0xa0, 0x80]))).toBe(2);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe4, 0xb8]))).toBe(1);
  });
});

describe('files that yield nothing', () => {
  it('refuses an empty file and a file of prose, naming each: nothing is read unless all are good', async () => {
    const empty = join(dir, 'empty.md');
    const prose = join(dir, 'prose.md');
    await writeFile(empty, '');
    await writeFile(prose, 'Just a paragraph about nothing in particular.\n');
    const e = await refusal([CORPUS, empty, prose]);
    expect(e).toBeInstanceOf(RefusedInputs);
    expect(e.message).toContain(`${empty}: yields no entity`);
    expect(e.message).toContain(`${prose}: yields no entity`);
  });

  it('names every bad input at once', async () => {
    const latin = join(RELIABILITY, 'silent-latin1-decoding.md');
    const e = await refusal([latin, PNG]);
    expect((e as RefusedInputs).refusals.map((r) => r.file)).toEqual([latin, PNG]);
  });
});

describe('limits checked before the Markdown parser runs', () => {
  it('refuses 5,000 nested list markers (hang-nested-list-markers-10KB.md hung the parser), naming the line', async () => {
    const file = join(RELIABILITY, 'hang-nested-list-markers-10KB.md');
    expect((await refusal([file])).message).toBe(`${file}:3: lists or block quotes nested 5,000 deep; the limit is 100`);
  });

  it('refuses 20 KB of nested emphasis (hang-nested-emphasis-20KB.md hung micromark), naming the line', async () => {
    const file = join(RELIABILITY, 'hang-nested-emphasis-20KB.md');
    expect((await refusal([file])).message).toMatch(new RegExp(`^${file}:3: emphasis or link brackets nested [\\d,]+ deep; the limit is 200$`));
  });

  it('refuses emphasis nested with words between, and across lines, well under the line limit', () => {
    const words = `- [Foo](https://github.com/a/foo) ${'*a _a '.repeat(400)}x${' a_ a*'.repeat(400)}\n`;
    expect(() => checkTextLimits('words.md', words)).toThrow(/^words\.md:1: emphasis or link brackets nested 800 deep; the limit is 200$/);
    const lines = `Foo\n${'*_\n'.repeat(300)}x\n${'_*\n'.repeat(300)}`;
    expect(() => checkTextLimits('lines.md', lines)).toThrow(/^lines\.md:\d+: emphasis or link brackets nested/);
  });

  it('refuses lists nested by indentation and block quotes nested too deep', () => {
    let indented = '';
    for (let i = 0; i < 150; i++) indented += `${'  '.repeat(i)}- item ${i}\n`;
    expect(() => checkTextLimits('indented.md', indented)).toThrow('indented.md:101: lists or block quotes nested 101 deep; the limit is 100');
    expect(() => checkTextLimits('quotes.md', `${'> '.repeat(101)}x\n`)).toThrow('quotes.md:1: lists or block quotes nested 101 deep');
  });

  it('refuses a line longer than the limit, and a file larger than the limit, naming them', async () => {
    expect(() => checkTextLimits('long.md', `# x\n\n${'a'.repeat(20_001)}\n`)).toThrow('long.md:3: a line of 20,001 characters is longer than the limit of 20,000');
    const big = join(dir, 'big.md');
    await writeFile(big, '# Models\n\n- Foo\n');
    await expect(readInputs([big], { limits: { ...DEFAULT_LIMITS, fileBytes: 10 } })).rejects.toThrow(`${big}: 16 bytes is larger than the limit of 10 bytes for one list; split it into several files`);
  });

  it('accepts the shapes real lists use: balanced emphasis, tables full of it, deep-ish lists, thematic breaks', () => {
    const table = `| model | note |\n| --- | --- |\n${'| **A** | *b* _c_ ~~d~~ [e](f) |\n'.repeat(2000)}`;
    expect(() => checkTextLimits('table.md', table)).not.toThrow();
    const items = `${'- *unclosed note\n'.repeat(1000)}`;
    expect(() => checkTextLimits('items.md', items)).not.toThrow();
    expect(() => checkTextLimits('rule.md', `${'- '.repeat(200)}\n${'_'.repeat(300)}\n`)).not.toThrow();
    let nested = '';
    for (let i = 0; i < 12; i++) nested += `${'  '.repeat(i)}- level ${i} with **bold** and [a link](https://example.com)\n`;
    expect(() => checkTextLimits('nested.md', nested)).not.toThrow();
  });

  it('accepts every bundled list', async () => {
    expect((await readInputs([CORPUS])).map((d) => d.source)).toHaveLength(4);
  });
});
