import type { Statement } from '../extract/types.js';
import type { Entity, Resolution } from '../resolve/entity.js';
import { assignIds } from '../resolve/ids.js';

/**
 * A thing read as a method or a project that a sentence says is BASED_ON a model is itself a
 * model: LongLLaMA ("built upon the foundation of OpenLLaMA", a "method" row), Code Alpaca
 * ("An Instruction-following LLaMA model", a GitHub link in a paper list). Only sentences with
 * a strong trigger give a method or project a base (see link-claims.ts); a base column in a
 * software section (llama.cpp → LLaMA) keeps the project a project. Ids follow the new kind.
 */
export function promoteDerivedModels(res: Resolution, statements: Statement[]): Entity[] {
  const promoted: Entity[] = [];
  for (const s of statements) {
    if (s.type !== 'BASED_ON' || s.provenance.derivedFrom !== 'text') continue;
    const from = res.entityOf.get(s.from);
    const to = res.entityOf.get(s.to);
    if (!from || !to || to.label !== 'Model' || (from.label !== 'Method' && from.label !== 'Project') || from.props.kind === 'architecture') continue;
    from.label = 'Model';
    promoted.push(from);
  }
  if (promoted.length) assignIds(res.entities);
  return promoted;
}
