/** The CLI's only way to the data: the server's HTTP API, exactly as a notebook uses it. */

/** A failure the user can act on, printed as one line. */
export class CliError extends Error {
  override name = 'CliError';
}

export const DEFAULT_URL = 'http://localhost:4000';

/** The server's base URL, from `--url` or LLM_LINEAGE_URL; a trailing `/graphql` is accepted. */
export function baseUrl(url: string | undefined): string {
  const raw = url || process.env.LLM_LINEAGE_URL || DEFAULT_URL;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new CliError(`--url must be an http(s) URL such as ${DEFAULT_URL} (got ${JSON.stringify(raw)})`);
  }
  if (!/^https?:$/.test(parsed.protocol)) throw new CliError(`--url must be an http(s) URL (got ${JSON.stringify(raw)})`);
  return parsed.href.replace(/\/+$/, '').replace(/\/graphql$/, '');
}

function unreachable(base: string, error: unknown): CliError {
  const code = (error as { cause?: { code?: string } }).cause?.code;
  const why = code === 'ECONNREFUSED' ? 'connection refused' : code === 'ENOTFOUND' ? 'host not found' : code ?? (error as Error).message;
  return new CliError(`cannot reach the llm-lineage server at ${base} (${why}): start it with \`npm start\`, or pass --url`);
}

async function request(base: string, path: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(60_000) });
  } catch (error) {
    throw unreachable(base, error);
  }
}

/** POSTs one GraphQL operation; GraphQL errors become one CliError with their messages. */
export async function graphql<T = Record<string, any>>(base: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await request(base, '/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => null)) as { data?: T; errors?: { message: string }[] } | null;
  if (body?.errors?.length) throw new CliError(body.errors.map((e) => e.message).join('; '));
  if (!body?.data) throw new CliError(`${base}/graphql answered HTTP ${response.status} without data: is it an llm-lineage server?`);
  return body.data;
}

/** GETs /export with the given parameters; the body as text. */
export async function download(base: string, params: Record<string, string>): Promise<string> {
  const response = await request(base, `/export?${new URLSearchParams(params)}`);
  const text = await response.text();
  if (!response.ok) {
    let message = text;
    try {
      message = (JSON.parse(text) as { error?: string }).error ?? text;
    } catch {
      // not JSON: keep the text
    }
    throw new CliError(`export failed (HTTP ${response.status}): ${message}`);
  }
  return text;
}
