// `npm run db:backup [-- --out FILE]`: a custom-format dump of DATABASE_URL (or, when it is unset,
// of the embedded database of `npm start`) to ./backups/tracker-<UTC time>.dump or FILE.
// Restore it with `npm run db:restore -- FILE`. See lib/db/backup.ts for how pg_dump is chosen.
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError, backupDatabase, defaultBackupFile, describeDatabase, openEmbeddedDatabase, type EmbeddedDatabase } from '@/lib/db/backup';

const root = resolve(import.meta.dirname, '..');
const envFile = join(root, '.env');
if (existsSync(envFile)) process.loadEnvFile(envFile);

const USAGE = `Usage: npm run db:backup [-- --out FILE]

Backs up DATABASE_URL (or, when it is unset, the embedded database in ${process.env.TRACKER_DATA_DIR ?? './.data'})
to FILE, by default ./backups/tracker-<UTC time>.dump, with PostgreSQL's pg_dump (custom format).
pg_dump must be of the server's major version or later: set PG_BIN_DIR to the folder of the right one
when several are installed and the wrong one is found.`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: false });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const out = resolve(args.values.out ?? join(root, defaultBackupFile()));

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  try {
    if (!databaseUrl) {
      embedded = await openEmbeddedDatabase(process.env.TRACKER_DATA_DIR ?? join(root, '.data'), { create: false });
      databaseUrl = embedded.url;
      console.log('DATABASE_URL is not set: backing up the embedded database.');
    }
    const result = await backupDatabase({
      databaseUrl, out, binDir: process.env.PG_BIN_DIR, searchPath: process.env.PATH, env: process.env,
    });
    const shown = relative(process.cwd(), result.file).startsWith('..') ? result.file : relative(process.cwd(), result.file);
    const size = result.bytes >= 1024 * 1024 ? `${(result.bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(result.bytes / 1024)} kB`;
    console.log(
      `Backed up the ${describeDatabase(databaseUrl)} (PostgreSQL ${result.server.version}) with pg_dump ${result.tool.version} ` +
        `to ${shown} (${size}).`,
    );
    console.log(`Restore it with: npm run db:restore -- ${shown}`);
    return 0;
  } catch (error) {
    console.error(error instanceof BackupError ? error.message : `Backup failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await embedded?.close();
  }
}

process.exitCode = await main();
