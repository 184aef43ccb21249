import { Dataset, Entity, Method, Model, Node, Organization, Paper, Relation } from './entities.js';
import { DateTimeResolver } from 'graphql-scalars';
import { historyTypes } from './history.js';
import { Overview, Query } from './query.js';

export const resolvers = { DateTime: DateTimeResolver, Query, Overview, Node, Model, Organization, Dataset, Method, Paper, Entity, Relation, ...historyTypes };
