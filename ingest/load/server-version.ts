/**
 * The load step's Cypher uses dynamic labels (`SET n:$(row.label)`), which Neo4j understands
 * from 5.26 on (calendar versions such as 2025.01 are later still). An older server would fail
 * with a syntax error that does not say why; this says so before anything is written.
 */
export const MINIMUM_NEO4J = [5, 26] as const;

export function checkServerVersion(version: string): void {
  const match = /^(\d+)\.(\d+)/.exec(version);
  if (!match) throw new Error(`Cannot read the Neo4j server version ${JSON.stringify(version)}.`);
  const [major, minor] = [Number(match[1]), Number(match[2])];
  const [needMajor, needMinor] = MINIMUM_NEO4J;
  if (major < needMajor || (major === needMajor && minor < needMinor)) {
    throw new Error(`Neo4j ${version} is too old: llm-lineage needs Neo4j ${needMajor}.${needMinor} or later (Aura is).`);
  }
}

export const SERVER_VERSION = 'CALL dbms.components() YIELD name, versions WHERE name = "Neo4j Kernel" RETURN versions[0] AS version';
