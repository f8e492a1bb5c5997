// `node scripts/serve.mjs` on a port it cannot have ends at once with a message, in one process or
// several (WEB_CONCURRENCY), rather than staying up and serving nothing. The end-to-end server
// holds E2E_PORT, so that port is taken.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_PORT, E2E_STATE_FILE } from './fixtures';

const root = resolve(import.meta.dirname, '../..');

function serveOnTakenPort(processes: number): Promise<{ code: number | null; output: string }> {
  const { databaseUrl } = JSON.parse(readFileSync(E2E_STATE_FILE, 'utf8')) as { databaseUrl: string };
  const child = spawn(process.execPath, ['scripts/serve.mjs'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: 'a test secret of at least thirty-two bytes long',
      PORT: String(E2E_PORT), HOSTNAME_BIND: '127.0.0.1', WEB_CONCURRENCY: String(processes), LOG_LEVEL: 'error',
    },
  });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 45_000);
  return new Promise((done) => child.once('exit', (code) => { clearTimeout(killer); done({ code, output }); }));
}

for (const processes of [1, 2]) {
  test(`serve.mjs with ${processes} process(es) ends with a message when its port is taken`, async () => {
    test.setTimeout(60_000);
    const { code, output } = await serveOnTakenPort(processes);
    expect(code).toBe(1);
    expect(output).toContain(`Cannot listen on 127.0.0.1:${E2E_PORT}`);
  });
}
