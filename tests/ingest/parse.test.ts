import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseLabel } from '../../ingest/lexicon/label.js';
import { LEXICON } from '../../ingest/lexicon/lexicon.js';
import { parseMarkdown } from '../../ingest/parse/markdown.js';
import { documentTitle, sectionBlocks } from '../../ingest/parse/sections.js';
import { CORPUS, corpusLine } from './support/markdown.js';

const doc = (file: string) => parseMarkdown(file, readFileSync(`${CORPUS}${file}`, 'utf8'));

describe('parse', () => {
  it('gives every block its heading path and the lines of its headings', () => {
    const blocks = sectionBlocks(doc('open-source-chatgpt-list.md').tree);
    const instructionData = blocks.find((b) => b.node.type === 'table' && b.node.position?.start.line === 232);
    expect(instructionData?.section).toEqual(['Data', 'Instruction Data']);
    expect(instructionData?.headingLines).toEqual([219, 228]);
  });

  it('knows a lone level-1 heading is the document title', () => {
    expect(documentTitle(doc('my-llm.md').tree)).toBe('My LLM');
    expect(documentTitle(doc('open-source-chatgpt-list.md').tree)).toBeNull();
  });

  it('parses emoji, mojibake and Chinese text without loss', () => {
    const survey = doc('align-llm-human-survey.md');
    const news = sectionBlocks(survey.tree).find((b) => b.node.position?.start.line === 17);
    expect(news?.section).toEqual(['Awesome-Align-LLM-Human', 'News']);
    expect(corpusLine('align-llm-human-survey.md', 17)).toContain('ðŸ”');
  });
});

describe('column headers', () => {
  it('recognises a header with a non-breaking space (open-source-chatgpt-list-early.md:32)', () => {
    const header = corpusLine('open-source-chatgpt-list-early.md', 32);
    expect(header).toContain('base\u00a0model');
    expect(normaliseLabel('base\u00a0model')).toBe('base model');
    expect(LEXICON.headerRole('base\u00a0model')?.value.role).toBe('base');
  });

  it.each([
    ['model', 'model'],
    ['model/project', 'model'],
    ['project', 'project'],
    ['method', 'method'],
    ['data', 'data'],
    ['data/project', 'data'],
    ['benchmark', 'benchmark'],
    ['algorithm', 'method'],
  ])('reads "%s" as a %s subject column', (header, subject) => {
    expect(LEXICON.headerRole(header)?.value).toEqual({ role: 'subject', kind: subject });
  });

  it.each([
    ['contributor', 'contributor'],
    ['used in', 'usedIn'],
    ['driven by', 'drivenBy'],
    ['domain', 'domain'],
    ['language', 'language'],
    ['license', 'license'],
    ['main feature', 'description'],
    ['multi-modal', 'multiModal'],
  ])('reads "%s"', (header, role) => {
    expect(LEXICON.headerRole(header)?.value.role).toBe(role);
  });

  it('does not guess unknown headers', () => {
    expect(LEXICON.headerRole('collections of open instruction-following llms')).toBeNull();
  });
});
