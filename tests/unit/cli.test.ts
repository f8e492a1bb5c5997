import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });

// Each test starts Node with tsx, which takes seconds on a busy machine: a generous limit, not a timing check.
describe('npm run cli', { timeout: 30_000 }, () => {
  it('lists its commands with help', () => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', 'help'], { encoding: 'utf8' });
    expect(output).toContain('Usage: npm run cli -- <command> [options]');
    for (const command of ['migrate', 'seed', 'create-user', 'disable-user']) expect(output).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it('shows the usage of one command', () => {
    const result = run('help', 'create-user');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('create-user --email EMAIL --name NAME --role');
  });

  it('rejects an unknown command with exit code 2 and the list of commands', () => {
    const result = run('no-such-command');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown command "no-such-command"');
  });

  it('explains a missing database instead of failing with a stack trace', () => {
    const result = run('migrate');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('DATABASE_URL is not set');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects an unknown option with the usage of the command', () => {
    const result = run('disable-user', '--bogus');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Usage: npm run cli -- disable-user --email EMAIL');
  });
});
