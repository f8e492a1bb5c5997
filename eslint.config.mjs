import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypeScript from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTypeScript,
  globalIgnores(['.next/**', '.data/**', 'lib/generated/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts']),
  {
    rules: {
      // Destructuring a field away to omit it is intended; name such fields with a leading underscore.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // process.env is read in lib/env.ts only (scripts and tests configure processes and may read it).
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through lib/env.ts.' }],
    },
  },
  {
    files: ['lib/env.ts', 'scripts/**', 'tests/**', 'prisma/**', '*.config.*', 'prisma.config.ts', 'next.config.js'],
    rules: { 'no-restricted-properties': 'off' },
  },
]);
