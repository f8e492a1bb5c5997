// The database role the application connects as in production. It reads and writes the tables
// but owns none of them, so it cannot alter them, disable their triggers or bypass them; and it
// lacks UPDATE, DELETE and TRUNCATE on the history tables, which the triggers of the migration
// refuse to every role anyway. Migrations run as the owner; the app as this role.
import pg from 'pg';
import { installJobQueue, JOBS_SCHEMA } from '@/lib/jobs/definitions';

/** The append-only tables. */
export const HISTORY_TABLES = ['AuditEvent', 'StatusEvent', 'AcceptedStatus', 'SummaryPublication', 'AssignmentEvent'] as const;

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The statements that give `role` what the application needs, and nothing more. */
export function appRoleGrants(role: string): string[] {
  if (!ROLE_NAME.test(role)) throw new Error(`"${role}" is not a usable role name: use lower-case letters, digits and underscores.`);
  return [
    `GRANT USAGE ON SCHEMA public TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON ${HISTORY_TABLES.map((table) => `"${table}"`).join(', ')} FROM ${role}`,
    // Migrations are the owner's business; the figures versions are the triggers'.
    `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "_prisma_migrations", "CycleFiguresVersion", "CatalogueVersion" FROM ${role}`,
    // The job queue (installed by the owner with the migrations): reads, writes and its functions.
    `GRANT USAGE ON SCHEMA ${JOBS_SCHEMA} TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOBS_SCHEMA} TO ${role}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${JOBS_SCHEMA} TO ${role}`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${JOBS_SCHEMA} TO ${role}`,
  ];
}

/** Grants `role` (which must exist) the application's rights on the database at `databaseUrl`, in one transaction. */
export async function grantAppRole(databaseUrl: string, role: string): Promise<void> {
  const statements = appRoleGrants(role);
  await installJobQueue(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if (exists.rowCount === 0) throw new Error(`The role ${role} does not exist. Create it first: CREATE ROLE ${role} LOGIN PASSWORD '…';`);
    await client.query('BEGIN');
    for (const statement of statements) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
