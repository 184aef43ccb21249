/**
 * Builds neo4j-launcher/ (Neo4j Community in-process) with Maven when it is missing or older than
 * its sources. `npm run neo4j:build` runs this file as a script.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDriver, waitForNeo4j } from './driver.js';
import { isAlive } from './state.js';
import {
  Neo4jSetupError,
  launcherJavaArgs,
  launcherPaths,
  requireJava,
  spawnLauncher,
  stderrLog,
  threeWaysMessage,
} from './launcher.js';
import type { Log } from './launcher.js';

/**
 * Makes sure the launcher is built and returns the Java classpath that runs it. Builds with Maven
 * (output to neo4j-launcher/target/maven.log) only when the build is missing or older than
 * pom.xml or any file under neo4j-launcher/src. Throws Neo4jSetupError, naming the three ways to
 * get a Neo4j, when java (17+) or Maven is missing.
 */
export async function ensureLauncherBuilt(log: Log = stderrLog): Promise<string> {
  const p = launcherPaths();
  const java = requireJava();
  if (isCurrent(p)) return classpath(p);

  // Another of our processes may be building right now (say vitest and `npm start` after a pull).
  const release = await acquireBuildLock(p, log);
  try {
    if (isCurrent(p)) return classpath(p);
    return await build(p, java, log);
  } finally {
    await release();
  }
}

async function build(p: Paths, java: string, log: Log): Promise<string> {
  if (!hasMaven()) {
    // Sources newer than the build (a checkout touches mtimes) but no Maven: an older build still runs.
    if (existsSync(p.jar) && existsSync(p.lib)) {
      log('note: neo4j-launcher/ changed since it was built, but Maven (`mvn`) is missing; using the existing build');
      return classpath(p);
    }
    throw new Neo4jSetupError(threeWaysMessage('Maven (`mvn`) was not found; it is needed once to build neo4j-launcher/.'));
  }
  const started = Date.now();
  log(`building the Neo4j launcher with Maven (the first build downloads Neo4j, ~100 MB; log: ${p.mavenLog})`);
  await mkdir(p.target, { recursive: true });
  await rm(p.stamp, { force: true });
  await rm(p.archive, { force: true });
  await rm(p.lib, { recursive: true, force: true }); // no stale dependency versions on the classpath
  await runMaven(p);
  await writeFile(p.stamp, `built ${new Date().toISOString()}\n`);
  log(`launcher built in ${((Date.now() - started) / 1000).toFixed(1)}s`);

  const cp = classpath(p);
  await makeClassDataArchive(java, cp, log);
  return cp;
}

type Paths = ReturnType<typeof launcherPaths>;

/** A directory as a lock (mkdir is atomic), holding the owner's pid; stale when the owner is gone. */
async function acquireBuildLock(p: Paths, log: Log): Promise<() => Promise<void>> {
  const lock = join(p.target, 'build.lock');
  const owner = join(lock, 'pid');
  await mkdir(p.target, { recursive: true });
  let waiting = false;
  for (;;) {
    try {
      await mkdir(lock);
      await writeFile(owner, String(process.pid));
      return () => rm(lock, { recursive: true, force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const pid = Number(await readFile(owner, 'utf8').catch(() => ''));
    const age = Date.now() - ((await stat(lock).catch(() => null))?.mtimeMs ?? 0);
    if ((pid && !isAlive(pid)) || (!pid && age > 30_000) || age > 30 * 60_000) {
      await rm(lock, { recursive: true, force: true });
      continue;
    }
    if (!waiting) log(`waiting for another process (pid ${pid || 'unknown'}) to finish building the launcher`);
    waiting = true;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function isCurrent(p: Paths): boolean {
  let built: number;
  try {
    built = statSync(p.stamp).mtimeMs;
    if (!existsSync(p.jar) || !existsSync(p.lib)) return false;
  } catch {
    return false;
  }
  return newestMtime([p.pom, p.sources]) <= built;
}

function newestMtime(paths: string[]): number {
  let newest = 0;
  for (const path of paths) {
    let s;
    try {
      s = statSync(path);
    } catch {
      continue;
    }
    newest = Math.max(newest, s.mtimeMs);
    if (s.isDirectory()) newest = Math.max(newest, newestMtime(readdirSync(path).map((n) => join(path, n))));
  }
  return newest;
}

/** Our jar then the dependencies, sorted, as absolute paths (a stable classpath keeps the CDS archive valid). */
function classpath(p: Paths): string {
  const libs = readdirSync(p.lib)
    .filter((n) => n.endsWith('.jar'))
    .sort()
    .map((n) => join(p.lib, n));
  return [p.jar, ...libs].join(delimiter);
}

const MVN = process.platform === 'win32' ? 'mvn.cmd' : 'mvn';

function hasMaven(): boolean {
  const r = spawnSync(MVN, ['-v'], { stdio: 'ignore', timeout: 60_000 });
  return !r.error && r.status === 0;
}

async function runMaven(p: Paths): Promise<void> {
  const mvn = MVN;
  const out = createWriteStream(p.mavenLog);
  const args = ['-B', '-ntp', '-Dstyle.color=never', 'package', '-DskipTests'];
  const code = await new Promise<number | string>((resolveCode, reject) => {
    const child = spawn(mvn, args, { cwd: p.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.once('error', (e: NodeJS.ErrnoException) => {
      reject(
        e.code === 'ENOENT'
          ? new Neo4jSetupError(threeWaysMessage('Maven (`mvn`) was not found; it is needed once to build neo4j-launcher/.'))
          : e,
      );
    });
    child.once('close', (c, signal) => resolveCode(c ?? signal ?? 'unknown'));
  }).finally(() => new Promise<void>((r) => out.end(r)));
  if (code !== 0) {
    const lines = (await readFile(p.mavenLog, 'utf8').catch(() => '')).trimEnd().split('\n');
    const tail = lines.slice(-30).join('\n');
    throw new Neo4jSetupError(
      `Building the Neo4j launcher failed (\`mvn ${args.join(' ')}\` in ${p.dir} exited with ${code}).\n` +
        `Full log: ${p.mavenLog}\nLast lines:\n${tail}`,
    );
  }
}

/**
 * Runs the launcher once on a scratch store with a small Cypher workload and lets the JVM dump
 * the classes it loaded into a class-data-sharing archive. Later starts map that archive instead
 * of loading ~200 jars' worth of classes, which cuts start-up by about a third. Best effort: a
 * failure only costs speed.
 */
async function makeClassDataArchive(java: string, cp: string, log: Log): Promise<void> {
  const p = launcherPaths();
  const partial = `${p.archive}.partial`;
  const scratch = await mkdtemp(join(tmpdir(), 'llm-lineage-neo4j-cds-'));
  const started = Date.now();
  try {
    await rm(partial, { force: true });
    const javaArgs = [
      ...launcherJavaArgs().filter((a) => !a.startsWith('-XX:SharedArchiveFile=')),
      `-XX:ArchiveClassesAtExit=${partial}`,
      '-Xlog:cds*=off:stderr', // else ~1000 lines of "Skipping <class>: Signed JAR" at dump time
    ];
    const proc = await spawnLauncher({ java, classpath: cp, dataDir: join(scratch, 'data'), port: 0, javaArgs, log, timeoutMs: 180_000 });
    try {
      const driver = createDriver({ uri: proc.uri, user: 'neo4j', password: '' }, { maxConnectionPoolSize: 2 });
      try {
        await waitForNeo4j(driver, 30_000);
        for (const q of [
          'RETURN 1 AS one',
          'CREATE CONSTRAINT warm_id IF NOT EXISTS FOR (n:Warm) REQUIRE n.id IS UNIQUE',
          'UNWIND range(1, 50) AS i MERGE (n:Warm {id: i}) SET n.name = "m" + i',
          'MATCH (a:Warm), (b:Warm {id: a.id + 1}) MERGE (a)-[:NEXT]->(b)',
          'MATCH p = (:Warm {id: 1})-[:NEXT*1..5]->(m) RETURN m.name AS name, length(p) AS hops ORDER BY hops LIMIT 10',
          'MATCH (n:Warm) WITH n.name AS name, count(*) AS c RETURN collect(name)[0..3] AS names, sum(c) AS total',
        ]) {
          await driver.executeQuery(q);
        }
      } finally {
        await driver.close();
      }
    } finally {
      proc.child.stdin?.end(); // EOF: the launcher shuts down and the JVM writes the archive
      const timer = setTimeout(() => proc.child.kill('SIGKILL'), 120_000);
      await proc.exited;
      clearTimeout(timer);
    }
    if ((await stat(partial).catch(() => null))?.isFile()) {
      await rename(partial, p.archive);
      log(`class-data-sharing archive written in ${((Date.now() - started) / 1000).toFixed(1)}s (${p.archive})`);
    } else {
      log('note: the JVM wrote no class-data-sharing archive; the embedded Neo4j will start a little slower');
    }
  } catch (e) {
    log(`note: could not make the class-data-sharing archive (${(e as Error).message.split('\n')[0]}); start-up will be a little slower`);
  } finally {
    await rm(partial, { force: true });
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Number of jars on the classpath, for the script's report. */
async function jarCount(): Promise<number> {
  return (await readdir(launcherPaths().lib)).filter((n) => n.endsWith('.jar')).length + 1;
}

function isMainModule(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMainModule()) {
  try {
    await ensureLauncherBuilt();
    const p = launcherPaths();
    const cds = existsSync(p.archive) ? `, class-data archive ${p.archive}` : '';
    console.log(`Neo4j launcher ready: ${p.jar} (+ ${(await jarCount()) - 1} jars in ${p.lib}${cds})`);
  } catch (e) {
    console.error(e instanceof Neo4jSetupError ? e.message : e);
    process.exitCode = 1;
  }
}
