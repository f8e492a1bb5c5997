// Runs `prisma generate` offline. Prisma's CLI looks for its native schema engine first and
// would try to download it; pointing it at an executable that fails loudly (node) lets
// `generate` proceed without one (see STACK.md). Never point it at /bin/true.
import { spawnSync } from 'node:child_process';

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
env.CHECKPOINT_DISABLE = '1';

const result = spawnSync('npx', ['--no-install', 'prisma', 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
