import type { ApolloServerPlugin } from '@apollo/server';

const GRAPHQL_RESPONSE_JSON = /application\/graphql-response\+json(?!\s*;\s*q\s*=\s*0(\.0*)?\s*(,|$))/i;

/**
 * The GraphQL-over-HTTP spec asks a server answering in legacy `application/json` to use 200 for
 * every well-formed request, request errors included, because clients of that media type cannot
 * tell a GraphQL error status from a transport failure. Apollo uses 400 for parse, validation and
 * variable errors whatever the media type; this keeps 4xx only for clients that accept
 * `application/graphql-response+json`. Requests that are not well-formed (`BAD_REQUEST`: no
 * query, a query that is not a string) keep their 400, as do malformed bodies, which never reach
 * plugins.
 */
export const legacyJsonStatusPlugin: ApolloServerPlugin = {
  async requestDidStart({ request }) {
    const accept = request.http?.headers.get('accept') ?? '';
    if (GRAPHQL_RESPONSE_JSON.test(accept)) return;
    return {
      async willSendResponse({ response, errors }) {
        const status = response.http.status;
        if (status === undefined || status < 400 || status >= 500) return;
        if (errors?.some((e) => e.extensions?.code === 'BAD_REQUEST')) return;
        response.http.status = 200;
      },
    };
  },
};
