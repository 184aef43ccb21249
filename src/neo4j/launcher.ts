/**
 * Low-level pieces shared by build-launcher.ts and embedded.ts: where the launcher lives, how to
 * find java, which JVM options to use, and spawning the launcher until it reports READY.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { folderProblemIn } from './data-dir.js';

export type Log = (message: string) => void;

/** Log lines go to stderr so that stdout stays clean for whatever the program prints. */
export const stderrLog: Log = (m) => {
  process.stderr.write(`[neo4j] ${m}\n`);
};

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const LAUNCHER_MAIN_CLASS = 'dev.llmlineage.EmbeddedNeo4j';

export function launcherPaths(root: string = PROJECT_ROOT) {
  const dir = join(root, 'neo4j-launcher');
  const target = join(dir, 'target');
  return {
    dir,
    pom: join(dir, 'pom.xml'),
    sources: join(dir, 'src'),
    target,
    jar: join(target, 'neo4j-launcher.jar'),
    lib: join(target, 'lib'),
    /** Written after a successful Maven build; the launcher is current when this is newer than the sources. */
    stamp: join(target, 'launcher.stamp'),
    /** Java class-data-sharing archive made by a training run; cuts JVM start-up by about a third. */
    archive: join(target, 'neo4j-launcher.jsa'),
    mavenLog: join(target, 'maven.log'),
  };
}

/** Thrown when this machine cannot provide a Neo4j by itself; the message says what to do. */
export class Neo4jSetupError extends Error {
  override name = 'Neo4jSetupError';
}

export function threeWaysMessage(problem: string): string {
  return [
    `Cannot start the embedded Neo4j: ${problem}`,
    'Get a Neo4j in one of three ways:',
    '  1. install Java 17+ and Maven 3.6+ (then `npm run neo4j:build`); the embedded Neo4j is the default,',
    '  2. `docker compose up` (Neo4j and the server in containers),',
    '  3. set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD to use an existing Neo4j or Neo4j Aura.',
  ].join('\n');
}

/** `$JAVA_HOME/bin/java` when JAVA_HOME points at a JDK, else `java` from PATH. */
export function javaExecutable(env: NodeJS.ProcessEnv = process.env): string {
  const home = env.JAVA_HOME?.trim();
  if (home) {
    const candidate = join(home, 'bin', process.platform === 'win32' ? 'java.exe' : 'java');
    if (existsSync(candidate)) return candidate;
  }
  return 'java';
}

/** Checks that java exists and is 17+; returns the executable. */
export function requireJava(env: NodeJS.ProcessEnv = process.env): string {
  const java = javaExecutable(env);
  const key = `${java}\0${env.PATH ?? ''}`;
  if (checkedJava.has(key)) return java;
  const r = spawnSync(java, ['-version'], { encoding: 'utf8', env, timeout: 30_000 });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    throw new Neo4jSetupError(
      threeWaysMessage(code === 'ENOENT' ? '`java` was not found (Java 17+ is needed).' : `\`${java} -version\` failed: ${r.error.message}`),
    );
  }
  const text = `${r.stderr ?? ''}${r.stdout ?? ''}`;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(text);
  const major = m ? (m[1] === '1' ? Number(m[2]) : Number(m[1])) : NaN;
  if (!(major >= 17)) {
    const found = m ? `Java ${major}` : 'an unrecognised Java';
    throw new Neo4jSetupError(threeWaysMessage(`found ${found} at \`${java}\`, but Neo4j 5 needs Java 17+.`));
  }
  checkedJava.add(key);
  return java;
}

/** java executables (with the PATH they were found on) already checked in this process. */
const checkedJava = new Set<string>();

/**
 * JVM options for the launcher: a modest heap (Neo4j's page cache is set to 256 MiB inside the
 * launcher), JVM warnings on stderr rather than stdout (stdout carries the READY line), and the
 * class-data-sharing archive when a current one exists. NEO4J_EMBEDDED_JAVA_OPTS replaces the
 * heap/GC part, e.g. "-Xmx4g".
 */
export function launcherJavaArgs(env: NodeJS.ProcessEnv = process.env, root: string = PROJECT_ROOT): string[] {
  const custom = env.NEO4J_EMBEDDED_JAVA_OPTS?.trim();
  const memory = custom ? custom.split(/\s+/) : ['-Xms256m', '-Xmx1g', '-XX:+UseSerialGC'];
  const args = [...memory, '-XX:+ExitOnOutOfMemoryError', '-Dfile.encoding=UTF-8', '-Xlog:disable', '-Xlog:all=warning:stderr'];
  const p = launcherPaths(root);
  if (isNewer(p.archive, p.stamp)) args.push(`-XX:SharedArchiveFile=${p.archive}`);
  return args;
}

/** True when `a` exists and was modified no earlier than `b` (which must exist). */
export function isNewer(a: string, b: string): boolean {
  try {
    return statSync(a).mtimeMs >= statSync(b).mtimeMs;
  } catch {
    return false;
  }
}

export type FailureReason = 'locked' | 'port-in-use' | 'in-use' | 'timeout' | 'failed' | 'read-only' | 'disk-full';

/** The embedded Neo4j could not start; `output` is the tail of the launcher's output. */
export class EmbeddedStartError extends Error {
  override name = 'EmbeddedStartError';
  constructor(
    message: string,
    readonly reason: FailureReason,
    readonly output: string = '',
  ) {
    super(message);
  }
}

export interface LauncherProcess {
  child: ChildProcess;
  uri: string;
  port: number;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>;
  hasExited(): boolean;
  /** Last lines the launcher printed (stdout and stderr). */
  tail(): string;
}

/**
 * Spawns the launcher with stdin piped (so it exits when we do) and waits for its READY line.
 * Rejects with EmbeddedStartError carrying the tail of its output if it exits first.
 */
export function spawnLauncher(o: {
  java: string;
  classpath: string;
  dataDir: string;
  port: number;
  javaArgs: string[];
  log: Log;
  timeoutMs: number;
  onSpawn?: (pid: number) => void;
}): Promise<LauncherProcess> {
  const env = { ...process.env };
  delete env.NEO4J_LAUNCHER_WATCH_STDIN; // always die with the parent
  const child = spawn(o.java, [...o.javaArgs, '-cp', o.classpath, LAUNCHER_MAIN_CLASS, o.dataDir, String(o.port)], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env,
  });

  const lines: string[] = [];
  const remember = (line: string) => {
    lines.push(line);
    if (lines.length > 40) lines.shift();
  };
  const tail = () => lines.join('\n');
  let ready = false;
  let failedLine: string | undefined;
  let exitedFlag = false;
  const exited = new Promise<number | string>((res) => {
    child.once('exit', (code, signal) => {
      exitedFlag = true;
      res(code ?? signal ?? 'unknown');
    });
  });
  child.stdin?.on('error', () => {}); // EPIPE when the launcher dies first is expected

  return new Promise<LauncherProcess>((resolveReady, reject) => {
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!exitedFlag) child.kill('SIGKILL');
      reject(err);
    };
    const timer = setTimeout(() => {
      fail(
        new EmbeddedStartError(
          `The embedded Neo4j did not become ready within ${Math.round(o.timeoutMs / 1000)}s ` +
            `(data: ${o.dataDir}; Neo4j's log: ${join(o.dataDir, 'logs', 'debug.log')}).` +
            (tail() ? `\nLauncher output:\n${indent(tail())}` : ''),
          'timeout',
          tail(),
        ),
      );
    }, o.timeoutMs);

    child.once('error', (e: NodeJS.ErrnoException) => {
      fail(
        e.code === 'ENOENT'
          ? new Neo4jSetupError(threeWaysMessage('`java` was not found (Java 17+ is needed).'))
          : new EmbeddedStartError(`Could not run ${o.java}: ${e.message}`, 'failed'),
      );
    });
    if (child.pid !== undefined) o.onSpawn?.(child.pid);

    createInterface({ input: child.stdout! }).on('line', (line) => {
      remember(line);
      const m = /^READY (bolt:\/\/\S+:(\d+))\s*$/.exec(line);
      if (m && !ready && !settled) {
        ready = true;
        settled = true;
        clearTimeout(timer);
        resolveReady({ child, uri: m[1], port: Number(m[2]), exited, hasExited: () => exitedFlag, tail });
      }
    });
    createInterface({ input: child.stderr! }).on('line', (line) => {
      remember(line);
      if (line.startsWith('FAILED ')) failedLine = line.slice('FAILED '.length);
      if (ready) o.log(`launcher: ${line}`);
    });

    // 'close' rather than 'exit': by then all output has been read.
    child.once('close', (code, signal) => {
      if (ready) return;
      const cause = failedLine ?? `the launcher exited with ${code ?? signal} before it was ready`;
      let reason: FailureReason = 'failed';
      let hint = '';
      if (/store_lock|locked by another process/i.test(cause)) {
        reason = 'locked';
        hint = `\nAnother process holds the Neo4j store in ${o.dataDir}. Stop it, or if it is a Neo4j you can reach, point this program at it with NEO4J_URI.`;
      } else if (/address already in use/i.test(cause)) {
        reason = 'port-in-use';
        hint = `\nPort ${o.port} on 127.0.0.1 is already in use; choose another port or leave the port unset to pick a free one.`;
      }
      // A full disk or a read-only folder: one line that says so, the launcher's output kept aside.
      const problem = folderProblemIn(tail(), o.dataDir);
      if (problem) return fail(new EmbeddedStartError(problem.message, problem.reason, tail()));
      fail(
        new EmbeddedStartError(
          `The embedded Neo4j failed to start (data: ${o.dataDir}): ${cause}${hint}` +
            `\nNeo4j's log: ${join(o.dataDir, 'logs', 'debug.log')}` +
            (tail() ? `\nLauncher output (last lines):\n${indent(tail())}` : ''),
          reason,
          tail(),
        ),
      );
    });
  });
}

function indent(s: string): string {
  return s
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}
