import { readFileSync } from 'node:fs';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../src/graphql/schema.js';

/** The README teaches the API by example: every GraphQL block in it must be a valid query of the schema. */
describe('the README', () => {
  it('has only GraphQL examples that the schema validates', () => {
    const schema = buildSchema();
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks.length).toBeGreaterThan(10);
    const invalid = blocks.flatMap((b) => validate(schema, parse(b)).map((e) => `${b.trim().slice(0, 60)}…: ${e.message}`));
    expect(invalid).toEqual([]);
    expect(blocks.some((b) => b.includes('derivation: ADAPTER'))).toBe(true);
  });
});
