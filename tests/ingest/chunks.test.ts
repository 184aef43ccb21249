import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chunksOf } from '../../ingest/parse/chunks.js';
import { parseMarkdown } from '../../ingest/parse/markdown.js';
import { syntheticList } from '../../bench/synthetic-list.js';
import { CORPUS } from './support/markdown.js';

/** Parsing in pieces must give the tree of parsing in one go, positions included. */
function sameTree(text: string, size: number): void {
  const whole = parseMarkdown('x.md', text, Infinity).tree;
  const pieces = parseMarkdown('x.md', text, size).tree;
  expect(JSON.stringify(pieces)).toBe(JSON.stringify(whole));
}

const TRICKY = `# List

- item one

- item two, a loose list

  continued, indented
paragraph lazily continued

\`\`\`md
# not a heading

| not | a table |
\`\`\`

<!-- a comment

# still in the comment
-->

<pre>

plain
</pre>

    indented code

    more code
after

| model | base |
| --- | --- |
| Foo | LLaMA |

1. numbered

2. still the same list
`;

describe('parsing a long list in pieces', () => {
  it('cuts only where no block continues, and gives the same tree for any piece size', () => {
    for (const size of [1, 20, 80, 200]) sameTree(TRICKY, size);
    // Cut points: before "# not…"? never (in a fence); before "after"? no (follows no blank line).
    const cuts = chunksOf(TRICKY, 1).map((c) => c.text.split('\n')[0]);
    expect(cuts).toEqual(['# List', '```md', '<!-- a comment', '<pre>', '| model | base |']);
  });

  it('does not cut a text with reference definitions', () => {
    const text = `# A\n\n[Foo][foo]\n\nText\n\n[foo]: https://example.com\n`;
    expect(chunksOf(text, 1)).toHaveLength(1);
  });

  it('gives the same tree as one parse for every bundled list and a synthetic list of 3,000 rows', () => {
    for (const file of readdirSync(CORPUS)) sameTree(readFileSync(`${CORPUS}${file}`, 'utf8'), 1000);
    const synthetic = syntheticList(3000).text;
    expect(chunksOf(synthetic, 10_000).length).toBeGreaterThan(5);
    sameTree(synthetic, 10_000);
  });
});
