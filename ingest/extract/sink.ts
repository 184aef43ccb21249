import type { DerivedFrom, EdgeType, Provenance } from '../graph/types.js';
import type { BlockReading, Claim, Extraction, Mention, Note } from './types.js';
import { emptyExtraction } from './types.js';

/** Where in a file something is read: the base of every provenance entry made there. */
export interface Place {
  source: string;
  line: number;
  section: string[];
}

export function provenance(place: Place, derivedFrom: DerivedFrom, extra: { column?: string; text?: string } = {}): Provenance {
  const p: Provenance = { source: place.source, line: place.line, section: place.section, derivedFrom };
  if (extra.column) p.column = extra.column;
  if (extra.text) p.text = extra.text;
  return p;
}

/**
 * Collects what one document yields, numbering mentions in reading order so their ids are
 * stable from run to run.
 */
export class Sink {
  readonly out: Extraction = emptyExtraction();
  private seq = 0;
  /** Category mention id per heading path, so each heading is one mention per file. */
  readonly categories = new Map<string, Mention>();
  /** Mention ids that have a statement of a type, so a group's fact defers to what an item states. */
  private readonly stated = new Map<EdgeType, Set<string>>();

  constructor(readonly source: string) {}

  mention(m: Omit<Mention, 'id'>): Mention {
    const mention = { ...m, id: `${this.source}:${m.provenance.line}:${++this.seq}` } as Mention;
    for (const key of Object.keys(mention) as (keyof Mention)[]) if (mention[key] === undefined) delete mention[key];
    this.out.mentions.push(mention);
    return mention;
  }

  statement(type: EdgeType, from: Mention, to: Mention, prov: Provenance): void {
    this.out.statements.push({ type, from: from.id, to: to.id, provenance: prov });
    let set = this.stated.get(type);
    if (!set) this.stated.set(type, (set = new Set()));
    set.add(from.id);
  }

  /** Whether the mention already has a statement of this type (read from the list itself). */
  hasStatement(type: EdgeType, from: Mention): boolean {
    return this.stated.get(type)?.has(from.id) ?? false;
  }

  claim(c: Claim): void {
    this.out.claims.push(c);
  }

  reading(r: Omit<BlockReading, 'source'>): void {
    this.out.readings.push({ source: this.source, ...r });
  }

  note(kind: Note['kind'], place: Place, text: string, reason: string): void {
    this.out.notes.push({ kind, source: place.source, line: place.line, section: place.section, text, reason });
  }
}
