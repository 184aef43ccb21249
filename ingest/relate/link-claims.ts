import type { EdgeType, NodeLabel, Provenance } from '../graph/types.js';
import type { Claim, Mention, RichText, Statement } from '../extract/types.js';
import type { AliasTable } from '../resolve/aliases.js';
import type { Entity, Resolution } from '../resolve/entity.js';
import { cleanName } from '../names/text.js';
import { isVersionToken, splitSize } from '../names/size.js';
import { SEED_KNOWLEDGE } from '../extract/knowledge.js';
import { BasedOnPolicy } from './based-on-policy.js';
import { claimTargets, type Target } from './claim-targets.js';
import { nameKey } from '../graph/name-key.js';
import { contributorTargets, organizationIndex } from './contributor-targets.js';
import { entityIndex } from './entity-index.js';

/** A sentence's candidate name that matched nothing the lists know. */
export interface UnlinkedClaim {
  claim: Claim;
  text: string;
}

export interface LinkedClaims {
  /** Things the sentences introduce by a link or a proper name (`trained on MathInstruct`). */
  mentions: Mention[];
  statements: Statement[];
  unlinked: UnlinkedClaim[];
}

/**
 * Single-word proper names such as `MathInstruct`, `MIMIC-IT`, `StackExchange`: never plain words,
 * nor compound adjectives (`MosaicML-curated`).
 */
const PROPER_NAME = /^(?=.*[A-Z].*[A-Z]|.*\d)[A-Za-z][\w.+-]*$/;
const ADJECTIVE = /-[a-z]+$/;

/** `uses Chinese data`: a language, not a dataset's name; not worth reporting. */
const LANGUAGE_WORD = /^(?:Chinese|English|Japanese|Korean|multilingual|Multi-lingual|Large)\b/;

/** `trained on the [Andromeda](…) AI supercomputer`: hardware, not data. */
const HARDWARE_AFTER = /^\s*(?:AI\s+)?(?:super ?computers?|gpus?|tpus?|clusters?|hardware|machines?|chips?)\b/i;

/**
 * The well-known model (seed knowledge) an unknown target names: the longest run of its words
 * that is one, read from the trigger outwards (`Llama 2 に対して` → Llama 2).
 */
function knownModelName(target: { text: string; phrase?: string }, direction: 'after' | 'before'): string | null {
  // `Baichuan-13B-Base指令微调得到`: a Latin name ends where CJK text begins.
  const phrase = (target.phrase ?? target.text).split(/[、，,;；]/)[0].replace(/(?<=[A-Za-z0-9])[\u3040-\u30ff\u3400-\u9fff].*$/s, '');
  // `姜子牙Ziya-LLaMA-13B-v1`: a Chinese name before the Latin one.
  let words = phrase.replace(/^[\u3040-\u30ff\u3400-\u9fff]{1,8}(?=[A-Za-z])/, '').split(/\s+/).filter(Boolean).slice(0, 5);
  // `EleutherAI pythia`, `Meta LLaMA`: the maker's name before the model's is no part of it.
  if (direction === 'after' && words.length > 1 && SEED_KNOWLEDGE.isOrganization(words[0]) && !SEED_KNOWLEDGE.isModel(words[0])) words = words.slice(1);
  for (let n = words.length; n >= 1; n--) {
    const run = direction === 'after' ? words.slice(0, n) : words.slice(words.length - n);
    const name = cleanName(run.join(' ').replace(/[,.;:!?)\]]+$/, ''));
    if (name && /[A-Za-z]/.test(name) && SEED_KNOWLEDGE.isModel(name)) return name;
    // `ClueAI/ChatYuan-large-v2`: a Hugging Face id names its model after the owner's slash.
    const id = /^[A-Za-z0-9][\w.-]*\/([A-Za-z0-9][\w.-]*)$/.exec(name);
    if (id && SEED_KNOWLEDGE.isModel(id[1])) return name;
  }
  return null;
}

/** `TigerBot-7B`, `LLaSM-Baichuan-7B`, `shibing624/ziya-llama-13b-medical-lora`: a checkpoint's name, not `V1` or `LLM`. */
function isCheckpointName(text: string): boolean {
  if (isVersionToken(text) || /^(?:llm|llms|ai|gpt|model|models|chat)$/i.test(text)) return false;
  return /^[A-Z][\w.-]+$/.test(text) || (/^[a-z0-9][\w.\/-]+$/.test(text) && /\d/.test(text) && /-/.test(text));
}

/** Two models of one family: one name begins with the other's (`ChatGLM3-6B`, `ChatGLM3-6B-32K`). */
function sameFamily(a: Entity, b: Entity): boolean {
  const ka = nameKey(splitSize(a.name)?.family ?? a.name);
  const kb = nameKey(splitSize(b.name)?.family ?? b.name);
  return !!ka && !!kb && (ka.startsWith(kb) || kb.startsWith(ka));
}

/** How far after a released checkpoint's name a base phrase is still about it. */
const SCOPE = 40;

/** Methods the lists file under data (`Data > Synthetic Data Generation`): they make training data. */
function isDataGenerationMethod(e: Entity): boolean {
  return e.label === 'Method' && e.mentions.some((m) => m.provenance.section.some((s) => /^(?:synthetic )?data\b|data generation/i.test(s)));
}

function isEvaluation(e: Entity): boolean {
  return e.label === 'Benchmark' || e.mentions.some((m) => m.role === 'entry' && !m.tentative && m.provenance.section.some((s) => /evaluation|benchmark|leaderboard/i.test(s)));
}

/**
 * Turns the claims of sentences into statements between known entities, choosing the edge from
 * what the target turns out to be (a model, a dataset, a method). Names a sentence introduces by
 * a link in a strong phrase become new mentions; everything else unknown is reported.
 */
export function linkClaims(claims: Claim[], statements: Statement[], res: Resolution, aliases: AliasTable): LinkedClaims {
  const index = entityIndex(res, aliases);
  const stated = new Map<Entity, Set<Entity>>();
  for (const s of statements) {
    if (s.type !== 'BASED_ON' || s.provenance.derivedFrom === 'text') continue;
    const from = res.entityOf.get(s.from);
    const to = res.entityOf.get(s.to);
    if (!from || !to) continue;
    stated.set(from, new Set([...(stated.get(from) ?? []), to]));
  }
  const policy = new BasedOnPolicy(stated);
  const out: LinkedClaims = { mentions: [], statements: [], unlinked: [] };
  let seq = 0;

  const newMention = (claim: Claim, label: NodeLabel, name: string, url?: string, writtenAs?: string, role: Mention['role'] = 'reference'): Mention => {
    const m: Mention = {
      id: `${claim.provenance.source}:${claim.provenance.line}:t${++seq}`,
      label,
      certain: true,
      role,
      name,
      ...(url ? { url } : {}),
      ...(writtenAs && writtenAs !== name ? { writtenAs: [writtenAs] } : {}),
      props: { ...(url ? { url } : {}), ...(label === 'Organization' ? { kind: 'institution' } : {}) },
      provenance: claim.provenance,
    };
    out.mentions.push(m);
    return m;
  };
  const ref = (e: Entity) => e.mentions[0].id;
  const state = (type: EdgeType, from: string, to: string, provenance: Provenance) => out.statements.push({ type, from, to, provenance });

  /** `use Alpaca data`: the data of a model is a dataset of its own, related to the model. */
  const dataOf = (claim: Claim, e: Entity, written: string): string => {
    const m = newMention(claim, 'Dataset', `${e.name} data`, undefined, cleanName(written.replace(/'s$/, '')));
    state('RELATED_TO', m.id, ref(e), claim.provenance);
    return m.id;
  };

  /** A base phrase scoped to a released checkpoint: its known or well-known base, from the checkpoint. */
  const baseOfCheckpoint = (claim: Claim, from: string) => {
    for (const target of claimTargets(claim, index)) {
      if (target.kind === 'known' && target.entity.label === 'Model') {
        if (ref(target.entity) !== from) state('BASED_ON', from, ref(target.entity), claim.provenance);
      } else if (target.kind === 'unknown' && claim.strength === 'strong') {
        // A released checkpoint's strong phrase may name a base nobody lists by its checkpoint name.
        const written = /^[\u3040-\u30ff\u3400-\u9fff]{0,8}([A-Za-z][\w.\/-]*)/.exec(target.phrase ?? target.text)?.[1] ?? '';
        const name = knownModelName(target, claim.at.direction) ?? (isCheckpointName(written) && /\d/.test(written) ? written : null);
        if (name) state('BASED_ON', from, newMention(claim, 'Model', name).id, claim.provenance);
      }
      break;
    }
  };

  const organizations = organizationIndex(res);
  // The checkpoints each sentence says were released, where it names them: a base phrase right
  // after one (`ChatLaw-13B（基于Ziya-LLaMA-13B-v1训练而来）`, `Law-GLM-10B: 基于 GLM-10B`) is its base.
  const released = new Map<RichText, { end: number; id: string }[]>();
  const checkpointBefore = (claim: Claim): { end: number; id: string } | null => {
    const spans = released.get(claim.sentence) ?? [];
    const before = spans.filter((s) => s.end <= claim.at.offset && claim.at.offset - s.end <= SCOPE);
    if (!before.length) return null;
    const last = before.reduce((a, b) => (b.end > a.end ? b : a));
    // Only a phrase that opens the checkpoint's own parenthesis or colon is about it; one in the
    // next clause (`ShenNong…模型，该模型以LlaMA为底座`) is about the row.
    // (The name's end may already hold its colon: `Law-GLM-10B: 基于 GLM-10B`.)
    const gap = claim.sentence.text.slice(Math.max(0, last.end - 1), claim.at.offset);
    return /[(（:：]/.test(gap.slice(0, 3)) && !/[，,。；;)）]/.test(gap) && gap.length <= 12 ? last : null;
  };
  // Releases first, so a base phrase finds the checkpoint before it.
  const ordered = [...claims.filter((c) => c.relation === 'release'), ...claims.filter((c) => c.relation !== 'release')];
  for (const claim of ordered) {
    const subject = res.entityOf.get(claim.subject);
    if (!subject) continue;
    if (claim.relation === 'base') {
      const checkpoint = checkpointBefore(claim);
      if (checkpoint) {
        baseOfCheckpoint(claim, checkpoint.id);
        continue;
      }
      if (claim.nested) continue;
    }
    if (claim.relation === 'by') {
      // Made by an organization: a known one, or a name that reads as an organization's.
      for (const target of contributorTargets(claim, organizations)) {
        if (target.kind === 'known') state('FROM_CONTRIBUTOR', claim.subject, ref(target.entity), claim.provenance);
        else if (target.kind === 'new' && claim.strength === 'strong') {
          state('FROM_CONTRIBUTOR', claim.subject, newMention(claim, 'Organization', target.name, target.url, target.written).id, claim.provenance);
        } else if (target.kind === 'unknown' && claim.strength === 'strong' && /^[A-Z\u3400-\u9fff]/.test(target.text)) {
          out.unlinked.push({ claim, text: target.text });
        }
      }
      continue;
    }
    // Data a benchmark or dataset is "collected from" is its source, not its training.
    const trains = subject.label === 'Model' || subject.label === 'Method' || subject.label === 'Project';
    if (!trains && ['tuned-on', 'data', 'data-named', 'generated-by', 'technique'].includes(claim.relation)) continue;
    const strong = claim.strength === 'strong';
    for (const found of claimTargets(claim, index, [subject.name, ...subject.aliases])) {
      // `开源了包括模型：TigerBot-7B, TigerBot-180B`: a release names checkpoints exactly; one
      // that only shares its family with a known model (the subject itself) is a model of its own.
      const target: Target =
        claim.relation === 'release' && found.kind === 'known' && ![found.entity.name, ...found.entity.aliases].some((n) => nameKey(n) === nameKey(found.text))
          ? { kind: 'unknown', text: found.text, start: found.start, end: found.end }
          : found;
      if (target.kind === 'known' && target.entity === subject) continue;
      const p = claim.provenance;
      const unknown = target.kind === 'unknown' ? target : null;
      const known = target.kind === 'known' ? target.entity : null;
      const report = () => {
        if (unknown && /^[A-Z0-9\u3400-\u9fff]/.test(unknown.text) && !LANGUAGE_WORD.test(unknown.text)) out.unlinked.push({ claim, text: unknown.link ? unknown.text : (unknown.phrase ?? unknown.text) });
      };
      switch (claim.relation) {
        case 'base':
        case 'tuned-on': {
          if (known?.label === 'Model') {
            if (claim.allLinksInClause) {
              state('TRAINED_WITH', claim.subject, dataOf(claim, known, target.text), p);
            } else if (subject.label === 'Model' || (strong && (subject.label === 'Method' || subject.label === 'Project'))) {
              if (policy.allows(subject, known)) state('BASED_ON', claim.subject, ref(known), p);
            } else state('RELATED_TO', claim.subject, ref(known), p);
          } else if (known && claim.relation === 'tuned-on') {
            if (known.label === 'Dataset' || known.label === 'Benchmark' || isDataGenerationMethod(known)) state('TRAINED_WITH', claim.subject, ref(known), p);
            else if (known.label === 'Method') state('USES_METHOD', claim.subject, ref(known), p);
          } else if (known && claim.relation === 'base' && (known.label === 'Dataset' || isDataGenerationMethod(known))) {
            // `distilled from OpenOrca data`: derived from data is trained with it, never a base.
            state('TRAINED_WITH', claim.subject, ref(known), p);
          } else if (known && claim.relation === 'base' && subject.label !== 'Model') {
            state('RELATED_TO', claim.subject, ref(known), p);
          } else if (unknown?.link && strong && claim.relation === 'base') {
            state('BASED_ON', claim.subject, newMention(claim, 'Model', unknown.text, unknown.link.url).id, p);
          } else if (unknown && (strong || claim.wellKnownTargets) && claim.relation === 'base' && subject.label === 'Model' && knownModelName(unknown, claim.at.direction)) {
            // `TinyLlama をベースに`: a strong phrase naming a well-known model the lists do not list.
            state('BASED_ON', claim.subject, newMention(claim, 'Model', knownModelName(unknown, claim.at.direction)!).id, p);
          } else if (
            unknown &&
            claim.relation === 'tuned-on' &&
            (unknown.link ? !HARDWARE_AFTER.test(claim.sentence.text.slice(unknown.link.end)) : PROPER_NAME.test(unknown.text) && !ADJECTIVE.test(unknown.text))
          ) {
            state('TRAINED_WITH', claim.subject, newMention(claim, 'Dataset', unknown.text, unknown.link?.url).id, p);
          } else if (strong) report();
          break;
        }
        case 'data': {
          if (known?.label === 'Dataset' || known?.label === 'Benchmark' || (known && isDataGenerationMethod(known))) state('TRAINED_WITH', claim.subject, ref(known), p);
          else if (known && (known.label === 'Model' || known.label === 'Project')) state('TRAINED_WITH', claim.subject, dataOf(claim, known, target.text), p);
          else report();
          break;
        }
        case 'data-named': {
          // Only a dataset the lists name: `GPT-4 conversations` are not a dataset of their own.
          if (subject.label === 'Model' && known?.label === 'Dataset') state('TRAINED_WITH', claim.subject, ref(known), p);
          break;
        }
        case 'generated-by': {
          if (known?.label === 'Method') state('TRAINED_WITH', claim.subject, ref(known), p);
          break;
        }
        case 'technique': {
          if (known && (known.label === 'Dataset' || isDataGenerationMethod(known))) state('TRAINED_WITH', claim.subject, ref(known), p);
          else if (known?.label === 'Method') state('USES_METHOD', claim.subject, ref(known), p);
          else if (unknown?.link && strong && /method|algorithm/i.test(claim.sentence.text.slice(unknown.link.end, unknown.link.end + 12))) {
            state('USES_METHOD', claim.subject, newMention(claim, 'Method', unknown.text, unknown.link.url).id, p);
          }
          break;
        }
        case 'eval': {
          if (known && isEvaluation(known) && known.label !== 'Model') state('EVALUATED_ON', claim.subject, ref(known), p);
          else if (unknown?.link && /bench|leaderboard|\beval/i.test(unknown.text)) {
            const name = unknown.text.replace(/(?<!\s)\s+benchmarks?$/i, '');
            state('EVALUATED_ON', claim.subject, newMention(claim, 'Benchmark', name, unknown.link.url).id, p);
          }
          break;
        }
        case 'related': {
          if (known) state('RELATED_TO', claim.subject, ref(known), p);
          break;
        }
        case 'release': {
          // What a model's text says it released are its own checkpoints (`TigerBot-7B` of TigerBot);
          // another model it names there (`ColossalAI开源了他们的ChatGPT实现`) is no release of it.
          let id: string | null = null;
          if (known) {
            if (!claim.checkpointsOnly || sameFamily(subject, known)) state('RELATED_TO', claim.subject, (id = ref(known)), p);
          } else if (unknown && (unknown.link || (claim.checkpointsOnly ? isCheckpointName(unknown.text) : /^[A-Z][\w.-]+$/.test(unknown.text)))) {
            // A released checkpoint is listed as much as a table row: an entry of its own, a size of its family.
            state('RELATED_TO', claim.subject, (id = newMention(claim, 'Model', unknown.text, unknown.link?.url, undefined, 'entry').id), p);
          }
          if (id && target.end !== undefined) released.set(claim.sentence, [...(released.get(claim.sentence) ?? []), { end: target.end, id }]);
          break;
        }
      }
    }
  }
  return out;
}

