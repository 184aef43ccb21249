import { Dataset, Entity, Method, Model, Node, Organization, Paper, Relation } from './entities.js';
import { DerivationEvidence } from './derivation.js';
import { Overview, Query } from './query.js';

export const resolvers = { Query, Overview, Node, Model, Organization, Dataset, Method, Paper, Entity, Relation, DerivationEvidence };
