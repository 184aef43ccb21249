import { byCount, type DerivationCount } from '../records/derivation.js';
import type { NamedQuery } from './read-cypher.js';
import type { CypherRunner } from './runner.js';
import { CURRENT, visible, type View } from './view.js';

/**
 * How a model was made from its base, as stored on a BASED_ON relationship `r` (absent on the
 * others): the entries every query that returns edges adds to its edge map, read back by
 * records/derivation.ts.
 */
export const DERIVATION_FIELDS = `derivationKinds: r.derivationKinds, derivationMethods: r.derivationMethods,
  derivationEvidence: r.derivationEvidence`;

/** The kinds of a BASED_ON relationship `r` in Cypher: what it stored, else UNSPECIFIED (a load before kinds were read). */
export const KINDS_OF_R = `coalesce(r.derivationKinds, ['UNSPECIFIED'])`;

/**
 * For many models at once (DataLoader batches), their descendants counted by derivation kind.
 * The family is every model within 10 hops over BASED_ON and VARIANT_OF, found as the
 * descendant counts of the overview are (a bounded pattern counted DISTINCT, which Neo4j plans
 * as a pruning breadth-first expand); each member then counts under the kinds of its own
 * BASED_ON relations into the family, the root included. A size variant with no such relation
 * counts under none.
 */
export const DESCENDANT_KINDS: NamedQuery = {
  name: 'descendantKinds',
  cypher: `UNWIND $ids AS id
MATCH (root:Entity {id: id}) WHERE ${visible('root')}
CALL (root) {
  MATCH (root)<-[qs:BASED_ON|VARIANT_OF*1..10]-(d:Model) WHERE all(q IN qs WHERE ${visible('q')})
  WITH DISTINCT d
  RETURN collect(d) AS family
}
UNWIND family AS d
MATCH (d)-[r:BASED_ON]->(b:Entity)
WHERE ${visible('r')} AND (b = root OR b IN family)
UNWIND ${KINDS_OF_R} AS kind
RETURN id, kind, count(DISTINCT d) AS count`,
};

export async function descendantKinds(runner: CypherRunner, ids: readonly string[], view: View = CURRENT): Promise<Map<string, DerivationCount[]>> {
  const rows = await runner.read(DESCENDANT_KINDS, { ids: [...ids] }, view);
  const byId = new Map<string, DerivationCount[]>();
  for (const row of rows) {
    const id = String(row.id);
    byId.set(id, [...(byId.get(id) ?? []), { kind: String(row.kind), count: Number(row.count) }]);
  }
  return new Map([...byId].map(([id, counts]) => [id, byCount(counts)]));
}

/** BASED_ON relations of the whole graph counted by kind (one relation counts under each of its kinds). */
export const DERIVATION_COUNTS: NamedQuery = {
  name: 'derivationCounts',
  cypher: `MATCH (:Entity)-[r:BASED_ON]->(:Entity)
WHERE ${visible('r')}
UNWIND ${KINDS_OF_R} AS kind
RETURN kind, count(*) AS count`,
};

export async function derivationCounts(runner: CypherRunner): Promise<DerivationCount[]> {
  const rows = await runner.read(DERIVATION_COUNTS);
  return byCount(rows.map((row) => ({ kind: String(row.kind), count: Number(row.count) })));
}
