// GraphiQL with its query-builder (explorer) plugin, bundled from npm by playground/build.ts and
// served by our own server at /graphiql, under the same Content-Security-Policy as the lineage
// explorer: everything it needs, fonts and editor workers included, comes from this server.
import './workers.js';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';

const DEFAULT_QUERY = `# llm-lineage: a knowledge graph of large language models.
# Ctrl-Enter runs the query; the book icon opens the schema docs,
# the compass icon builds a query by ticking fields.
{
  model(name: "vicuna") {
    name
    basedOn { name }
    contributors { name }
    derivatives { name }
  }
}
`;

const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', location.href).href });

createRoot(document.getElementById('graphiql')).render(
  createElement(GraphiQL, {
    fetcher,
    plugins: [HISTORY_PLUGIN, explorerPlugin()],
    defaultQuery: DEFAULT_QUERY,
  }),
);
