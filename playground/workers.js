// Monaco (GraphiQL's editor) runs its language services in web workers. The bundlers' own
// recipes (`new URL('monaco-editor/…', import.meta.url)`) need webpack or vite; ours are built by
// playground/build.ts next to this bundle and loaded from our server, so no CDN is involved.
// Imported first by main.js: Monaco reads MonacoEnvironment when the editor starts.
const WORKERS = new URL('./workers/', import.meta.url);

globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const file = label === 'json' || label === 'graphql' ? label : 'editor';
    return new Worker(new URL(`${file}.worker.js`, WORKERS));
  },
};
