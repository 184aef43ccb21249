import type { ModelFilterKeys } from '../../src/queries/models.js';

/** A models filter with every condition off, to spread the conditions of a test over. */
export const NO_FILTER: ModelFilterKeys = {
  contributor: null, basedOn: null, descendsFrom: null, dataset: null, language: null,
  license: null, domain: null, category: null, nameContains: null,
  releasedAfter: null, releasedBefore: null, minParameters: null, maxParameters: null, derivation: null,
};
