// `npm run db:migration -- --name X`: writes prisma/migrations/<timestamp>_X/ with the SQL for
// the changes made to prisma/schema.prisma since the latest migration. Needs no database.
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { createMigration, isValidMigrationName } from '@/lib/db/migrations';

const USAGE = 'Usage: npm run db:migration -- --name <name>   (letters, digits and underscores, e.g. add_user_phone)';

function migrationName(): string | undefined {
  try {
    return parseArgs({ options: { name: { type: 'string' } }, strict: true }).values.name;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return undefined;
  }
}

const name = migrationName();
if (!name || !isValidMigrationName(name)) {
  if (name !== undefined) console.error(`Invalid migration name "${name}".`);
  console.error(USAGE);
  process.exit(1);
}

try {
  const { directory } = await createMigration({ name });
  console.log(directory ? `Created ${relative(process.cwd(), directory)}/migration.sql` : 'No changes: the schema matches the latest migration.');
} catch (error) {
  console.error(`Could not create the migration: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
