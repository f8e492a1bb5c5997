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
    // A cast to never silences the message-key check (any key, any values pass). A key built from
    // data goes through a typed table or narrowing helper instead (lib/i18n/message-keys.ts).
    // Tests may still cast to never, to hand code deliberately wrong input.
    files: ['app/**', 'lib/**', 'components/**', '*.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: 'TSAsExpression > TSNeverKeyword', message: 'Do not cast to never: map dynamic message keys through typed tables (lib/i18n/message-keys.ts), and type values properly.' },
        { selector: 'TSTypeAssertion > TSNeverKeyword', message: 'Do not cast to never: map dynamic message keys through typed tables (lib/i18n/message-keys.ts), and type values properly.' },
      ],
    },
  },
  {
    files: ['lib/env.ts', 'scripts/**', 'tests/**', 'prisma/**', '*.config.*', 'prisma.config.ts', 'next.config.js'],
    rules: { 'no-restricted-properties': 'off' },
  },
]);
