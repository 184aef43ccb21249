import type { Derivation } from '../../ingest/graph/types.js';
import { DERIVATION_KINDS } from '../../ingest/extract/derivation.js';

/** Every kind the API knows, in the order it lists them (the GraphQL enum `DerivationKind`). */
export const API_DERIVATION_KINDS = [...DERIVATION_KINDS, 'UNSPECIFIED'] as const;

/** What a BASED_ON relation with no stored derivation says: nothing about how. */
const UNSPECIFIED: Derivation = { kinds: ['UNSPECIFIED'], methods: [], evidence: [] };

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/**
 * The derivation of an edge as the load step stored it (`derivationKinds`, `derivationMethods`,
 * `derivationEvidence` as JSON strings, see ingest/load/rows.ts): BASED_ON edges only, the
 * others have none.
 */
export function toDerivation(type: string, map: Record<string, unknown>): Derivation | null {
  if (type !== 'BASED_ON') return null;
  const kinds = strings(map.derivationKinds);
  if (!kinds.length) return UNSPECIFIED;
  return {
    kinds,
    methods: strings(map.derivationMethods),
    evidence: strings(map.derivationEvidence).map((e) => JSON.parse(e) as Derivation['evidence'][number]),
  };
}

/**
 * Whether an edge passes a kinds filter: every edge when there is no filter, a BASED_ON edge
 * when it has one of the kinds, any other relation (VARIANT_OF…) always, since kinds say
 * nothing about it.
 */
export function passesKinds(edge: { type: string; derivation: Derivation | null }, kinds: readonly string[] | null): boolean {
  if (!kinds || !edge.derivation) return true;
  return edge.derivation.kinds.some((k) => kinds.includes(k));
}

export interface DerivationCount {
  kind: string;
  count: number;
}

/** Most first; ties in the enum's order, so the same counts always list the same way. */
export function byCount(counts: Iterable<DerivationCount>): DerivationCount[] {
  const order = (k: string) => (API_DERIVATION_KINDS as readonly string[]).indexOf(k);
  return [...counts].filter((c) => c.count > 0).sort((a, b) => b.count - a.count || order(a.kind) - order(b.kind));
}
