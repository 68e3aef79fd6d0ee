/**
 * Manages the local Neo4j that tools/neo4j-embedded/ runs (Neo4j Community from Maven Central,
 * Bolt on 127.0.0.1 only). Used when NEO4J_URI is not set: by `npm start`, every CLI command,
 * `npm run db:*` and the test setup when no other Neo4j is available.
 *
 * The store lives in `dataDir` (NEO4J_DATA_DIR); the launcher writes `ready.json` there (pid, port,
 * bolt URI) once the database is available and removes it on a clean shutdown.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EmbeddedNeo4jConfig } from '../core/config.ts';
import { PROJECT_ROOT } from '../core/config.ts';
import type { Logger } from '../core/logger.ts';

export const LAUNCHER_DIR = path.join(PROJECT_ROOT, 'tools', 'neo4j-embedded');
const TARGET = path.join(LAUNCHER_DIR, 'target');
const JAR = path.join(TARGET, 'neo4j-embedded.jar');
const LIB = path.join(TARGET, 'lib');
const MAIN_CLASS = 'org.recgraph.neo4j.Launcher';

/** JVM flags Neo4j 5 expects (as in its neo4j.conf), plus a bounded heap. */
function jvmArgs(heap: string): string[] {
  return [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+ExitOnOutOfMemoryError',
    '-XX:+UnlockDiagnosticVMOptions',
    '-XX:+DebugNonSafepoints',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dlog4j2.disable.jmx=true',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
    '--add-opens=java.base/java.util=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-exports=java.base/sun.nio.ch=ALL-UNNAMED',
  ];
}

export interface EmbeddedStatus {
  readonly running: boolean;
  readonly pid?: number;
  readonly port?: number;
  readonly uri?: string;
  readonly startedAt?: string;
  /** True when this start had to recover the store (the previous run did not stop cleanly). */
  readonly recovered?: boolean;
  readonly dataDir: string;
}

export interface EmbeddedHandle {
  readonly uri: string;
  readonly pid: number;
  /** True when this call started the server; false when it reused a running one. */
  readonly started: boolean;
  readonly recovered: boolean;
}

interface ReadyFile {
  pid: number;
  port: number;
  uri: string;
  startedAt: string;
  recovered: boolean;
}

const readyPath = (dataDir: string) => path.join(dataDir, 'ready.json');
const pidPath = (dataDir: string) => path.join(dataDir, 'launcher.pid');
/** The launcher's stdout/stderr; Neo4j's own logs are in `<dataDir>/logs/`. */
export const launcherLogPath = (dataDir: string) => path.join(dataDir, 'launcher.log');

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** True when `pid` is alive and (where /proc exists) is our launcher, not a recycled pid. */
function isLauncherAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(MAIN_CLASS);
  } catch {
    return true;
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not pick a free port'));
      });
    });
  });
}

/** Reports whether the embedded Neo4j of `dataDir` is running and where. */
export async function embeddedStatus(dataDir: string): Promise<EmbeddedStatus> {
  const ready = readJson<ReadyFile>(readyPath(dataDir));
  if (ready && isLauncherAlive(ready.pid) && (await portAnswers(ready.port))) {
    return { running: true, dataDir, ...ready };
  }
  return { running: false, dataDir };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/**
 * Builds the launcher with Maven unless target/ is newer than its sources. The first build
 * downloads Neo4j from Maven Central (about 125 MB) into ~/.m2; later builds take seconds.
 */
export async function ensureLauncherBuilt(logger: Logger): Promise<void> {
  const sourcesChanged = () =>
    Math.max(
      fs.statSync(path.join(LAUNCHER_DIR, 'pom.xml')).mtimeMs,
      newestMtime(path.join(LAUNCHER_DIR, 'src')),
    );
  const built = () =>
    fs.existsSync(JAR) && fs.existsSync(LIB) && fs.statSync(JAR).mtimeMs >= sourcesChanged();
  if (built()) return;

  // Two processes (a test run and `npm start`) may get here at once: one builds, the other waits.
  const lock = path.join(LAUNCHER_DIR, '.build-lock');
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A lock older than any real build was left by a killed process.
      const lockedAt = fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - lockedAt > 15 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      await sleep(1000);
      if (built()) return;
    }
  }
  try {
    if (built()) return;
    logger.info(
      'building tools/neo4j-embedded with Maven (first run downloads Neo4j from Maven Central)',
    );
    const started = Date.now();
    fs.mkdirSync(TARGET, { recursive: true });
    const log = path.join(TARGET, 'maven-build.log');
    const out = fs.openSync(log, 'w');
    const result = await new Promise<{ code: number | null; error?: Error }>((resolve) => {
      const child = spawn('mvn', ['-B', '-q', 'package', '-DskipTests'], {
        cwd: LAUNCHER_DIR,
        stdio: ['ignore', out, out],
      });
      child.once('error', (error) => resolve({ code: null, error }));
      child.once('exit', (code) => resolve({ code }));
    });
    fs.closeSync(out);
    if (result.error) {
      throw new Error(
        `could not run Maven (${result.error.message}). Install JDK 17+ and Maven, or set NEO4J_URI to use an existing Neo4j.`,
      );
    }
    if (result.code !== 0) {
      const tail = fs.readFileSync(log, 'utf8').split('\n').slice(-20).join('\n');
      throw new Error(`building tools/neo4j-embedded failed (see ${log}):\n${tail}`);
    }
    // Maven leaves the jar's mtime at packaging time; touch it so later checks see it as current.
    const now = new Date();
    fs.utimesSync(JAR, now, now);
    logger.info({ ms: Date.now() - started }, 'built tools/neo4j-embedded');
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function javaBinary(): string {
  const home = process.env['JAVA_HOME'];
  return home ? path.join(home, 'bin', 'java') : 'java';
}

/** Fails early with a clear message when no Java 17+ is on this machine. */
function checkJava(): void {
  const result = spawnSync(javaBinary(), ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw new Error(
      'Java was not found. The embedded Neo4j needs JDK 17+ (and Maven); or set NEO4J_URI to use an existing Neo4j.',
    );
  }
  const match = /version "(\d+)/.exec(result.stderr);
  const major = match ? Number(match[1]) : 0;
  if (major < 17) {
    throw new Error(`Java ${major || '?'} found; the embedded Neo4j needs Java 17 or later.`);
  }
}

export interface StartOptions {
  /** How long to wait for the database to become available. @default 180000 */
  readonly timeoutMs?: number;
  /**
   * A process (usually this one, `process.pid`) whose end, however it ends, stops the Neo4j this
   * call starts. Without it the Neo4j runs until stopped (`recgraph db start`). A Neo4j that was
   * already running is reused as it is.
   */
  readonly owner?: number;
}

/**
 * Starts the embedded Neo4j for `config.dataDir`, or reuses it when it is already running, and
 * waits until it is available. The JVM runs in its own process group, so it outlives this process
 * (`db:start`) and does not get the terminal's Ctrl-C; whoever started it stops it with
 * stopEmbedded().
 * @example const { uri } = await startEmbedded(config.neo4j.embedded, logger);
 */
export async function startEmbedded(
  config: EmbeddedNeo4jConfig,
  logger: Logger,
  options: StartOptions = {},
): Promise<EmbeddedHandle> {
  const { timeoutMs = 180_000 } = options;
  const current = await embeddedStatus(config.dataDir);
  if (current.running && current.uri && current.pid) {
    logger.debug({ uri: current.uri, neo4jPid: current.pid }, 'reusing the running embedded Neo4j');
    return { uri: current.uri, pid: current.pid, started: false, recovered: false };
  }
  // A launcher of this store that is still starting (or hung): wait for it rather than start a second.
  const pending = readJson<{ pid: number }>(pidPath(config.dataDir));
  if (pending && isLauncherAlive(pending.pid)) {
    logger.info({ neo4jPid: pending.pid }, 'waiting for the embedded Neo4j that is starting');
    return waitUntilReady(config.dataDir, pending.pid, timeoutMs, false);
  }

  checkJava();
  await ensureLauncherBuilt(logger);
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.rmSync(readyPath(config.dataDir), { force: true });
  const port = config.port || (await freePort());
  const log = fs.openSync(launcherLogPath(config.dataDir), 'a');
  const child = spawn(
    javaBinary(),
    [
      ...jvmArgs(config.heap),
      '-cp',
      `${JAR}${path.delimiter}${path.join(LIB, '*')}`,
      MAIN_CLASS,
      '--home',
      config.dataDir,
      '--port',
      String(port),
      '--pagecache',
      config.pageCache,
      ...(options.owner !== undefined ? ['--owner', String(options.owner)] : []),
    ],
    { detached: true, stdio: ['ignore', log, log] },
  );
  fs.closeSync(log);
  if (child.pid === undefined) {
    throw new Error('could not start java for the embedded Neo4j');
  }
  child.unref();
  fs.writeFileSync(pidPath(config.dataDir), JSON.stringify({ pid: child.pid, port }));
  logger.info(
    { neo4jPid: child.pid, port, dataDir: config.dataDir },
    'starting the embedded Neo4j',
  );
  return waitUntilReady(config.dataDir, child.pid, timeoutMs, true);
}

async function waitUntilReady(
  dataDir: string,
  pid: number,
  timeoutMs: number,
  started: boolean,
): Promise<EmbeddedHandle> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = readJson<ReadyFile>(readyPath(dataDir));
    if (ready && ready.pid === pid) {
      return { uri: ready.uri, pid, started, recovered: ready.recovered };
    }
    if (!isLauncherAlive(pid)) {
      throw new Error(
        `the embedded Neo4j exited while starting; last lines of ${launcherLogPath(dataDir)}:\n${tail(launcherLogPath(dataDir))}`,
      );
    }
    await sleep(200);
  }
  throw new Error(
    `the embedded Neo4j did not become ready within ${timeoutMs / 1000} s (see ${launcherLogPath(dataDir)})`,
  );
}

function tail(file: string, lines = 15): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Stops the embedded Neo4j of `dataDir` with SIGTERM (a clean shutdown: checkpoint, no recovery
 * on the next start) and waits for it to exit. Returns false when it was not running.
 */
export async function stopEmbedded(
  dataDir: string,
  logger: Logger,
  timeoutMs = 60_000,
): Promise<boolean> {
  const pid =
    readJson<ReadyFile>(readyPath(dataDir))?.pid ??
    readJson<{ pid: number }>(pidPath(dataDir))?.pid;
  if (pid === undefined || !isLauncherAlive(pid)) {
    fs.rmSync(readyPath(dataDir), { force: true });
    fs.rmSync(pidPath(dataDir), { force: true });
    return false;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isLauncherAlive(pid)) {
    if (Date.now() > deadline) {
      logger.warn(
        { neo4jPid: pid },
        'the embedded Neo4j did not stop in time; killing it (the next start recovers the store)',
      );
      process.kill(pid, 'SIGKILL');
      break;
    }
    await sleep(100);
  }
  fs.rmSync(pidPath(dataDir), { force: true });
  logger.info({ neo4jPid: pid }, 'stopped the embedded Neo4j');
  return true;
}
