/**
 * Builds the GraphiQL playground (playground/main.js and Monaco's editor workers) from npm into
 * playground/dist/, which the server serves at /graphiql. Run by `npm run build:playground`, and
 * with `--if-stale` before `npm start` and `npm test`, where it only rebuilds when the sources or
 * the installed packages changed. The output is git-ignored.
 */
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const PLAYGROUND_DIST = fileURLToPath(new URL('dist/', import.meta.url));
const STAMP = `${PLAYGROUND_DIST}stamp.json`;
const INPUTS = ['main.js', 'workers.js', 'build.ts', '../package-lock.json'];

/** Monaco's language services, one worker bundle each (see workers.js). */
const WORKERS: Record<string, string> = {
  editor: 'monaco-editor/esm/vs/editor/editor.worker.js',
  json: 'monaco-editor/esm/vs/language/json/json.worker.js',
  graphql: 'monaco-graphql/esm/graphql.worker.js',
};

async function fingerprint(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of INPUTS) hash.update(file).update(await readFile(`${HERE}${file}`));
  return hash.digest('hex');
}

async function upToDate(stamp: string): Promise<boolean> {
  try {
    return JSON.parse(await readFile(STAMP, 'utf8')).fingerprint === stamp;
  } catch {
    return false;
  }
}

export async function buildPlayground({ ifStale = false, log = (m: string) => console.error(m) } = {}): Promise<void> {
  const stamp = await fingerprint();
  if (ifStale && (await upToDate(stamp))) return;
  const started = Date.now();
  await rm(PLAYGROUND_DIST, { recursive: true, force: true });
  const common = {
    bundle: true,
    minify: true,
    legalComments: 'linked',
    logLevel: 'warning',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
  } as const;
  await build({
    ...common,
    entryPoints: { main: `${HERE}main.js` },
    outdir: PLAYGROUND_DIST,
    // One file, no code splitting: esbuild does not load the stylesheets of lazily imported
    // chunks (Monaco's), so everything goes into main.js and main.css.
    format: 'esm',
    // Monaco's codicon font; GraphiQL's own fonts are inlined in its stylesheet.
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
  });
  await build({
    ...common,
    entryPoints: Object.fromEntries(Object.entries(WORKERS).map(([name, path]) => [`${name}.worker`, path])),
    outdir: `${PLAYGROUND_DIST}workers`,
    format: 'iife',
  });
  await writeFile(STAMP, JSON.stringify({ fingerprint: stamp, builtAt: new Date().toISOString() }) + '\n');
  log(`[playground] GraphiQL built into ${PLAYGROUND_DIST} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildPlayground({ ifStale: process.argv.includes('--if-stale') });
}
