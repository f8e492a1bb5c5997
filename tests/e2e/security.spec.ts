import { expect, test } from '@playwright/test';
import { USERS } from './fixtures';
import { signInThroughApi } from './helpers';

test('pages carry headers that forbid framing and MIME sniffing', async ({ request }) => {
  const response = await request.get('/en');
  expect(response.headers()['x-frame-options']).toBe('DENY');
  expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
});

test('confirming an import needs a signed-in member of the secretariat', async ({ page, request }) => {
  const anonymous = await request.post('/api/catalogue/import', { data: { stagedId: 'x', areas: {} } });
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).message).toMatch(/Sign in again/);

  await signInThroughApi(page, USERS.focalMex);
  const focal = await page.request.post('/api/catalogue/import', { data: { stagedId: 'x', areas: {} } });
  expect(focal.status()).toBe(403);
  expect((await focal.json()).message).toBe('You are not allowed to do this.');
});

test('a malformed import confirmation gets a 400 with words, not a 500', async ({ page }) => {
  await signInThroughApi(page, USERS.secretariat);
  const response = await page.request.post('/api/catalogue/import', { data: 'not json', headers: { 'content-type': 'application/json' } });
  expect(response.status()).toBe(400);
  expect((await response.json()).message).toBe('Some fields need your attention.');
});

test('after signing in, a link to another site is never followed', async ({ page }) => {
  await signInThroughApi(page, USERS.viewer);
  for (const target of ['//evil.example/x', '/%09/evil.example/x', 'https://evil.example/']) {
    await page.goto(`/en/sign-in?callbackUrl=${target}`);
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/en\/dashboard$/);
  }
});

test('the public catalogue export names no member of staff', async ({ request }) => {
  const response = await request.get('/api/catalogue/export?format=json');
  expect(response.status()).toBe(200);
  expect(await response.text()).not.toContain('@example.test');
  expect((await request.get('/api/catalogue/export?format=xml')).status()).toBe(400);
});

test('evidence files are not served to anonymous visitors', async ({ request }) => {
  const response = await request.get('/api/evidence/files/unknown-id', { maxRedirects: 0 });
  expect([303, 307, 401, 404]).toContain(response.status());
  expect(response.status()).not.toBe(200);
});
