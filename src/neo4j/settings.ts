/** Where and how to reach Neo4j. The same shape serves the embedded launcher, Docker and Aura. */
export interface Neo4jSettings {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

/**
 * From NEO4J_URI / NEO4J_USER (default "neo4j") / NEO4J_PASSWORD (default "") / NEO4J_DATABASE;
 * null when NEO4J_URI is unset.
 *
 * Credentials written into the URI (`bolt://user:pass@host`) are moved out of it, because the
 * driver does not read them there; NEO4J_USER / NEO4J_PASSWORD win over them when both are given.
 */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jSettings | null {
  const rawUri = env.NEO4J_URI?.trim();
  if (!rawUri) return null;

  const { uri, user: uriUser, password: uriPassword } = splitUserInfo(rawUri);
  const settings: Neo4jSettings = {
    uri,
    user: nonEmpty(env.NEO4J_USER) ?? uriUser ?? 'neo4j',
    password: env.NEO4J_PASSWORD ?? uriPassword ?? '',
  };
  const database = nonEmpty(env.NEO4J_DATABASE);
  if (database) settings.database = database;
  return settings;
}

/** URI with any userinfo stripped, for logs. */
export function describe(s: Neo4jSettings): string {
  return splitUserInfo(s.uri).uri;
}

function nonEmpty(v: string | undefined): string | undefined {
  const t = v?.trim();
  return t ? t : undefined;
}

/** Splits `scheme://user:pass@host...` into the URI without userinfo and the decoded parts. */
function splitUserInfo(uri: string): { uri: string; user?: string; password?: string } {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/?#]*)@(.*)$/s.exec(uri);
  if (!m) return { uri };
  const [, scheme, userinfo, rest] = m;
  const colon = userinfo.indexOf(':');
  const rawUser = colon < 0 ? userinfo : userinfo.slice(0, colon);
  const rawPassword = colon < 0 ? undefined : userinfo.slice(colon + 1);
  return {
    uri: scheme + rest,
    user: rawUser ? safeDecode(rawUser) : undefined,
    password: rawPassword === undefined ? undefined : safeDecode(rawPassword),
  };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
