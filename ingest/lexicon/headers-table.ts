import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LEXICON_DIR } from './lexicon.js';

/**
 * The README's table of recognised headers and keys, made from `data/lexicon/roles.json`, so
 * the documentation cannot drift from the rules: `npm run --silent docs:headers` prints it, and
 * a test checks the README holds it between its markers.
 */
export function headersTable(): string {
  const roles = JSON.parse(readFileSync(`${LEXICON_DIR}roles.json`, 'utf8')).roles as { role: string; kind?: string; as?: string[]; words: Record<string, string[]> }[];
  const rows = new Map<string, Record<'en' | 'zh' | 'ja', string[]>>();
  for (const e of roles) {
    const name = `${e.role}${e.kind ? ` (${e.kind})` : ''}${e.as?.length === 1 ? ` — ${e.as[0]}s only` : ''}`;
    const row = rows.get(name) ?? { en: [], zh: [], ja: [] };
    for (const lang of ['en', 'zh', 'ja'] as const) row[lang].push(...(e.words[lang] ?? []));
    rows.set(name, row);
  }
  const cell = (words: string[]) => words.map((w) => `\`${w.replace(/\|/g, '\\|')}\``).join(', ');
  return [
    '| role | English | Chinese | Japanese |',
    '| --- | --- | --- | --- |',
    ...[...rows].map(([role, r]) => `| ${role} | ${cell(r.en)} | ${cell(r.zh)} | ${cell(r.ja)} |`),
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.stdout.write(`${headersTable()}\n`);
