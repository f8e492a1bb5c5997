// `npm run db:restore -- FILE [--force] [--app-role ROLE]`: restores a backup of db:backup into
// DATABASE_URL (or, when it is unset, the embedded database of `npm start`), in one transaction.
// A database that is not empty is refused unless --force. See lib/db/backup.ts.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError, describeDatabase, openEmbeddedDatabase, restoreDatabase, type EmbeddedDatabase } from '@/lib/db/backup';
import { grantAppRole } from '@/lib/db/app-role';

const root = resolve(import.meta.dirname, '..');
const envFile = join(root, '.env');
if (existsSync(envFile)) process.loadEnvFile(envFile);

const USAGE = `Usage: npm run db:restore -- FILE [--force] [--app-role ROLE]

Restores FILE (made by npm run db:backup) into DATABASE_URL, or, when it is unset, into the embedded
database in ${process.env.TRACKER_DATA_DIR ?? './.data'}. The restore is one transaction: all of it, or nothing.

  --force          the database is not empty: delete everything in it first, then restore
  --app-role ROLE  then give the application's role its rights (as npm run cli -- grant-app-role)

Run it as the database owner (the role that runs the migrations): the restored tables belong to
that role, and the backup's grants are not restored. Stop the application first.`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: { force: { type: 'boolean' }, 'app-role': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.positionals.length !== 1) {
    console.error(`${args.positionals.length === 0 ? 'Name the backup file to restore.' : 'Name one backup file only.'}\n\n${USAGE}`);
    return 2;
  }
  const file = resolve(args.positionals[0]!);

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  try {
    if (!databaseUrl) {
      embedded = await openEmbeddedDatabase(process.env.TRACKER_DATA_DIR ?? join(root, '.data'), { create: true });
      databaseUrl = embedded.url;
      console.log('DATABASE_URL is not set: restoring into the embedded database.');
    }
    const result = await restoreDatabase({
      databaseUrl, file, force: args.values.force, binDir: process.env.PG_BIN_DIR, searchPath: process.env.PATH, env: process.env,
      log: (line) => console.log(line),
    });
    console.log(
      `Restored ${args.positionals[0]} (taken from PostgreSQL ${result.header.serverVersion ?? '?'} by pg_dump ${result.header.dumpVersion ?? '?'}) ` +
        `into the ${describeDatabase(databaseUrl)} with pg_restore ${result.tool.version}.`,
    );
    const role = args.values['app-role'];
    if (role) {
      await grantAppRole(databaseUrl, role);
      console.log(`Granted the application's rights to ${role}.`);
    } else {
      console.log('If the application connects as a role of its own, give it its rights again: npm run cli -- grant-app-role --role ROLE');
    }
    console.log('Then apply the migrations of this version of the application: npm run db:migrate');
    return 0;
  } catch (error) {
    console.error(error instanceof BackupError ? error.message : `Restore failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await embedded?.close();
  }
}

process.exitCode = await main();
