import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import type { StoreState } from '../../queries/current-generation.js';
import type { Context } from '../context.js';

/**
 * Answers served from memory. The store never changes a generation once readers see it (a load
 * writes the next one and switches; see ingest/load/cypher.ts), so an answer is keyed by the
 * store's epoch and current generation, the state every request needs anyway (read, or kept
 * while no switch can land: src/queries/current-generation.ts), and is right for as long as
 * that generation is current — no time to live, no invalidation, never a stale answer after an
 * ingest. Only whole answers without errors are kept; the document limits and the cost budget
 * run before the cache is asked, so they hold for every request. Bounded by the bytes of the
 * serialised answers (least recently used go first).
 *
 * Not Apollo's response-cache plugin: it keeps answers for a time to live read from cache
 * hints, which would mean a hint on every field and answers kept past an ingest.
 */
export function responseCachePlugin(maxBytes: number): ApolloServerPlugin<Context> {
  const answers = new LRUCache<string, { data: Record<string, unknown> }>({ maxSize: maxBytes });
  return {
    async requestDidStart() {
      let hit = false;
      /** The answer's key, once the request's state is known; undefined when it is not to be kept. */
      let key: Promise<string | undefined> | undefined;
      return {
        async responseForOperation({ operation, operationName, queryHash, request, contextValue }) {
          if (operation.operation !== 'query') return null;
          const { runner } = contextValue;
          // Variables are not checked yet (execution coerces them): ones nested too deep to
          // serialise are no key, and the request goes on to be refused for them.
          const keyOf = (state: StoreState) => {
            try {
              const text = JSON.stringify([state.epoch, state.generation, operationName ?? null, queryHash, request.variables ?? {}]);
              return createHash('sha256').update(text).digest('base64url');
            } catch {
              return undefined;
            }
          };
          const guess = runner.guess();
          const guessed = guess && keyOf(guess);
          // A failed read of the state is not the cache's to report: without a key the request
          // runs as if there were no cache, and its own reads fail with the error's code and status.
          // The state is usually the one guessed, whose key is made already.
          const stateKey = () =>
            runner.storeState().then(
              (state) => (guess && guessed && state.epoch === guess.epoch && state.generation === guess.generation ? guessed : keyOf(state)),
              () => undefined,
            );
          // Nothing kept for this request at the last state known: a miss unless a load switched
          // just now, so execution starts at once, its queries overlapping the request's read of
          // the state (see CypherRunner), and the answer is keyed by that read when it is sent.
          if (guess && (!guessed || !answers.has(guessed))) {
            if (guessed) key = stateKey();
            return null;
          }
          const found = await (key = stateKey()).then((k) => k && answers.get(k));
          if (!found) return null;
          hit = true;
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: found.data } } };
        },
        async willSendResponse({ response }) {
          if (hit || !key || response.body.kind !== 'single') return;
          const { data, errors, extensions } = response.body.singleResult;
          if (!data || errors?.length || extensions || (response.http.status ?? 200) !== 200) return;
          const k = await key;
          if (!k) return;
          const bytes = Buffer.byteLength(JSON.stringify(data));
          if (bytes > maxBytes / 8) return; // one answer must not push out most of the others
          answers.set(k, { data }, { size: bytes + k.length });
        },
      };
    },
  };
}
