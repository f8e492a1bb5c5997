#!/bin/sh
# The one-shot `migrate` service of compose.yaml, run once per release before the application
# instances start: as the database owner (DATABASE_URL), apply the migrations and install the job
# queue's schema, load the reference data (idempotent), then make sure the application's own role
# exists with the password from the environment and has exactly its rights (lib/db/app-role.ts:
# no UPDATE, DELETE or TRUNCATE on the history tables, owns nothing).
set -eu

: "${DATABASE_URL:?DATABASE_URL (the owner's connection) is not set}"

npm run --silent db:migrate
npm run --silent cli -- seed

if [ -n "${APP_DB_ROLE:-}" ]; then
  : "${APP_DB_PASSWORD:?APP_DB_PASSWORD is not set}"
  # The password is read by psql from the environment (\getenv), never put on a command line.
  psql "$DATABASE_URL" --quiet --no-psqlrc -v ON_ERROR_STOP=1 -v role="$APP_DB_ROLE" <<'SQL'
\getenv password APP_DB_PASSWORD
SELECT format('CREATE ROLE %I LOGIN', :'role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', :'role', :'password') \gexec
SQL
  npm run --silent cli -- grant-app-role --role "$APP_DB_ROLE"
fi
echo "The database is ready for this release."
