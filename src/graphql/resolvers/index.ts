import { Dataset, Entity, Method, Model, Node, Organization, Paper, Relation } from './entities.js';
import { DateTimeResolver } from 'graphql-scalars';
import { DerivationEvidence } from './derivation.js';
import { historyTypes } from './history.js';
import { Overview, Query } from './query.js';

export const resolvers = { DateTime: DateTimeResolver, Query, Overview, Node, Model, Organization, Dataset, Method, Paper, Entity, Relation, DerivationEvidence, ...historyTypes };
