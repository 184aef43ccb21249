/**
 * The @neo4j/graphql 7 contender of the query benchmark: its own type definitions over the same
 * database (the labels and relationship types the load step writes), served through Apollo
 * Server over HTTP like ours, with lineage as a `@cypher` field written the way its users write
 * one (a variable-length pattern, the distance as the shortest of its paths).
 */
import http from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import type { Driver } from 'neo4j-driver';

export const NEO4J_GRAPHQL_TYPEDEFS = /* GraphQL */ `
  type LineageStep {
    id: ID!
    name: String!
    depth: Int!
  }

  type Model @node(labels: ["Model"]) {
    id: ID!
    name: String!
    nameKeys: [String!]!
    mentions: Int
    "The name lower-cased, to page in the order our API pages in."
    sortName: String @cypher(statement: "RETURN toLower(this.name) AS s", columnName: "s")
    basedOn: [Model!]! @relationship(type: "BASED_ON", direction: OUT)
    derivatives: [Model!]! @relationship(type: "BASED_ON", direction: IN)
    contributors: [Organization!]! @relationship(type: "FROM_CONTRIBUTOR", direction: OUT)
    descendantsWithin3(limit: Int = 499): [LineageStep!]!
      @cypher(
        statement: """
        MATCH p = (this)<-[:BASED_ON|VARIANT_OF*1..3]-(d)
        WHERE d <> this
        WITH d, min(length(p)) AS depth
        ORDER BY depth, d.mentions DESC, toLower(d.name), d.id
        LIMIT $limit
        RETURN {id: d.id, name: d.name, depth: depth} AS step
        """
        columnName: "step"
      )
  }

  type Organization @node(labels: ["Organization"]) {
    id: ID!
    name: String!
  }
`;

export interface Contender {
  url: string;
  stop(): Promise<void>;
}

export async function startNeo4jGraphQL(driver: Driver, database: string | undefined): Promise<Contender> {
  const neoSchema = new Neo4jGraphQL({ typeDefs: NEO4J_GRAPHQL_TYPEDEFS, driver });
  const apollo = new ApolloServer({ schema: await neoSchema.getSchema() });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: async () => ({ sessionConfig: { database } }) }));
  const server = http.createServer(app);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    stop: async () => {
      await apollo.stop();
      server.close();
    },
  };
}
