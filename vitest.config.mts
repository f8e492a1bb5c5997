import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@/': root,
      // Outside React Server Components 'server-only' throws on import; tests run server code directly.
      'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    environment: 'node',
    // Fixture administrators and reviewers act without a second factor; tests/integration/mfa.test.ts
    // sets the production default itself.
    env: { MFA_REQUIRED_ROLES: '' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/security/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        // A tiny-scale run of `npm run bench`: it builds, starts a server and drives a browser.
        test: { name: 'bench', include: ['tests/bench/**/*.test.ts'], testTimeout: 900_000, hookTimeout: 120_000 },
      },
    ],
  },
});
