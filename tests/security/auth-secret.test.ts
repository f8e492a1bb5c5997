// The secret that encrypts session cookies is at least 32 bytes, as the README says: a shorter
// one is refused when the environment is read, with a message that says how to make one.
import { afterEach, describe, expect, it, vi } from 'vitest';

const saved = { ...process.env };

afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

async function readEnv(secret: string) {
  process.env = { ...saved, DATABASE_URL: 'postgresql://localhost/never-used', NEXTAUTH_SECRET: secret };
  vi.resetModules();
  const { env } = await import('@/lib/env');
  return env;
}

describe('NEXTAUTH_SECRET', () => {
  it.each([
    ['16 characters', 'a'.repeat(16)],
    ['31 bytes', 'b'.repeat(31)],
    ['20 random bytes in base64url (27 characters)', 'k3Jx9QmZpL0aWv7TnR2yHc5dFgE'],
  ])('refuses %s, saying it needs 32 bytes', async (_label, secret) => {
    const env = await readEnv(secret);
    expect(() => env()).toThrow(/NEXTAUTH_SECRET must be at least 32 bytes/);
  });

  it('accepts 32 bytes, and 32 random bytes as `npm start` makes them (base64url)', async () => {
    expect((await readEnv('c'.repeat(32)))().NEXTAUTH_SECRET).toHaveLength(32);
    const generated = 'x4C1m3qfWcJ1bqgO3Q3P0m6lq3xZr7Y8u2Ff0aRkT9s';
    expect((await readEnv(generated))().NEXTAUTH_SECRET).toBe(generated);
  });

  it('counts bytes, not characters: ten Chinese characters are 30 bytes and too short', async () => {
    const env = await readEnv('禁毒政策承诺跟踪系统');
    expect(() => env()).toThrow(/at least 32 bytes/);
  });
});
