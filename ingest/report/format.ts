import type { IngestReport, ReportItem } from './report.js';

function at(r: ReportItem): string {
  return `${r.source}:${r.line}`;
}

/** The report as plain text for people, one finding per line with its file and line. */
export function formatReport(report: IngestReport): string {
  const lines: string[] = [];
  const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  lines.push('# Ingest report', '');
  for (const f of report.files) lines.push(`${f.source}: ${f.mentions} mentions, ${f.statements} statements, ${f.claims} sentence claims`);
  lines.push('');
  lines.push(`Nodes: ${total(report.nodes)} (${Object.entries(report.nodes).map(([k, v]) => `${k} ${v}`).join(', ')})`);
  lines.push(`Edges: ${total(report.edges)} (${Object.entries(report.edges).map(([k, v]) => `${k} ${v}`).join(', ')})`);

  lines.push('', `## How each block was read (${report.readings.length})`, '');
  for (const r of report.readings) {
    lines.push(`${r.source}:${r.line}  ${r.block}, ${r.shape}${r.section.length ? `  [${r.section.join(' > ')}]` : ''}`);
    for (const p of r.parts) lines.push(`    ${JSON.stringify(p.name)} → ${p.role ?? 'not read'} (${p.why}: ${p.detail})`);
  }

  lines.push('', `## Unresolved mentions (${report.unresolved.length})`, '');
  for (const r of report.unresolved) lines.push(`${at(r)}  ${JSON.stringify(r.text)}: ${r.reason}`);

  lines.push('', '## Merges by rule', '');
  for (const m of report.merges) {
    lines.push(`### ${m.rule} (${m.merges.length})`);
    for (const x of m.merges) lines.push(`  ${x.id}: ${x.names.join(' | ')}  (${x.at.join(', ')})`);
  }

  lines.push('', `## Cells and items not read (${report.unreadable.length})`, '');
  for (const r of report.unreadable) lines.push(`${at(r)}  ${JSON.stringify(r.text.length > 100 ? `${r.text.slice(0, 97)}...` : r.text)}: ${r.reason}`);

  lines.push('', '## Placeholders dropped', '');
  lines.push(report.placeholders.map((p) => `${JSON.stringify(p.text)} ×${p.count}`).join(', '));
  return `${lines.join('\n')}\n`;
}
