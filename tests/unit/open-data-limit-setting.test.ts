// OPEN_DATA_REQUESTS_PER_MINUTE: the open-data API's limit per client, 600 a minute unless set,
// and a setting that is not a whole number above 0 is refused in words when the server starts.
import { afterEach, expect, it, vi } from 'vitest';

async function envWith(value: string | undefined) {
  vi.resetModules();
  vi.stubEnv('DATABASE_URL', 'postgresql://postgres@127.0.0.1:5432/unused');
  vi.stubEnv('NEXTAUTH_SECRET', 'a unit-test secret of at least thirty-two bytes');
  vi.stubEnv('OPEN_DATA_REQUESTS_PER_MINUTE', value);
  return (await import('@/lib/env')).env;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

it('is 600 requests a minute unless set', async () => {
  expect((await envWith(undefined))().OPEN_DATA_REQUESTS_PER_MINUTE).toBe(600);
  expect((await envWith('1200'))().OPEN_DATA_REQUESTS_PER_MINUTE).toBe(1200);
});

it('refuses what is not a whole number of requests above 0, saying so', async () => {
  for (const value of ['0', '-5', '2.5', 'many']) {
    const env = await envWith(value);
    expect(env, value).toThrow(/OPEN_DATA_REQUESTS_PER_MINUTE must be/);
  }
});
