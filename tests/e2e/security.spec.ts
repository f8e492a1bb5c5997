import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type English from '@/messages/en.json';
import { E2E_PORT, USERS } from './fixtures';
import { e2eQuery, signInThroughApi } from './helpers';

const ORIGIN = `http://127.0.0.1:${E2E_PORT}`;
// Read, not imported: Playwright's loader wants an import attribute on JSON.
const catalogue = (locale: string) => JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as typeof English;
const en = catalogue('en');
const zh = catalogue('zh');

test('pages carry headers that forbid framing and MIME sniffing', async ({ request }) => {
  const response = await request.get('/en');
  expect(response.headers()['x-frame-options']).toBe('DENY');
  expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
});

test("a page's scripts run only with its nonce, and the page still works", async ({ page }) => {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  await signInThroughApi(page, USERS.secretariat);
  const response = (await page.goto('/en/documents/import'))!;
  const policy = response.headers()['content-security-policy']!;
  const scriptSources = policy.split(';').map((part) => part.trim()).find((part) => part.startsWith('script-src '))!;
  expect(scriptSources).toContain("'strict-dynamic'");
  expect(scriptSources).not.toContain("'unsafe-inline'");
  expect(policy).toContain("frame-ancestors 'none'");
  const nonce = /'nonce-([^']+)'/.exec(scriptSources)![1];
  // Every script of the page carries this response's nonce (the browser hides it from the DOM's attribute).
  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  // Each response has a nonce of its own.
  expect((await page.request.get('/en/documents/import')).headers()['content-security-policy']).not.toBe(policy);
  // The page's script runs: the import form is enabled once it has hydrated.
  await expect(page.getByRole('button', { name: 'Dry run' })).toBeEnabled();
  expect(refused).toEqual([]);
});

test('the alternate-language links name the application, not a forged host; no HSTS over plain HTTP', async ({ request }) => {
  const forgeries: Record<string, string>[] = [{ 'x-forwarded-host': 'evil.example' }, { host: 'evil.example' }, { host: 'evil.example', 'x-forwarded-host': 'evil2.example', 'x-forwarded-proto': 'https' }];
  for (const forged of forgeries) {
    const response = await request.get('/en/documents', { headers: forged, maxRedirects: 0 });
    const link = response.headers()['link'] ?? '';
    expect(link).toContain(`<${ORIGIN}/en/documents>; rel="alternate"; hreflang="en"`);
    expect(link).toContain(`<${ORIGIN}/zh/documents>; rel="alternate"; hreflang="zh"`);
    expect(link).not.toContain('evil');
    expect(response.headers()['strict-transport-security']).toBeUndefined();
  }
});

/** The id of a server action, as the production build names it. */
function actionId(name: string): string {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as { node: Record<string, { exportedName?: string }> };
  const found = Object.entries(manifest.node).find(([, action]) => action.exportedName === name);
  if (!found) throw new Error(`No server action ${name} in the build`);
  return found[0];
}

/**
 * A multipart body as React 19.3 sends a form to an action (its encodeReply): the form's fields
 * prefixed "_1_", then the arguments in field "0", last, as the server decodes it on arrival.
 */
function actionForm(fields: Record<string, string>, boundary = 'e2eBoundary7MA4YWxk'): { body: Buffer; type: string } {
  const parts = [...Object.entries(fields).map(([name, value]) => [`_1_${name}`, value]), ['0', '["$undefined","$K1"]']]
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return { body: Buffer.from(`${parts.join('')}--${boundary}--\r\n`), type: `multipart/form-data; boundary=${boundary}` };
}

test('a server action gets a 4xx in words for anything but a well-formed form from this site, never a 500', async ({ page }) => {
  await signInThroughApi(page, USERS.secretariat);
  const id = actionId('previewDocumentImportAction');
  const post = (headers: Record<string, string>, data: string | Buffer, path = '/en/documents/import') =>
    page.request.post(path, { headers: { 'next-action': id, origin: ORIGIN, ...headers }, data, maxRedirects: 0 });

  const json = await post({ 'content-type': 'application/json' }, '{"symbol":"X"}');
  expect(json.status()).toBe(415);
  expect(await json.text()).toContain(en.http.notAForm);
  expect((await post({ 'content-type': 'text/plain;charset=UTF-8' }, '["x"]')).status()).toBe(415);
  const part = '--other\r\nContent-Disposition: form-data; name="0"\r\n\r\n[]\r\n--other--\r\n';
  const badBoundary = await post({ 'content-type': 'multipart/form-data; boundary=zzz' }, part);
  expect(badBoundary.status()).toBe(400);
  expect(await badBoundary.text()).toContain(en.http.notAForm);
  // Without JavaScript a form posts without the Next-Action header; a broken one is refused the same way.
  const plain = await page.request.post('/zh/documents/import', { headers: { origin: ORIGIN, 'content-type': 'multipart/form-data; boundary=zzz' }, data: part });
  expect(plain.status()).toBe(400);
  expect(await plain.text()).toContain(zh.http.notAForm);

  // A well-formed form, from elsewhere or from nowhere: 403.
  const form = actionForm({ symbol: 'X/E2E/ORIGIN', language: 'en', text: '1. Invented paragraph.' });
  const foreign = await post({ 'content-type': form.type, origin: 'https://evil.example' }, form.body);
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).toContain(en.http.foreignOrigin);
  const forgedHost = await post({ 'content-type': form.type, origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' }, form.body);
  expect(forgedHost.status()).toBe(403);
  const nowhere = await page.request.post('/en/documents/import', { headers: { 'next-action': id, 'content-type': form.type }, data: form.body });
  expect(nowhere.status()).toBe(403);
  // From this site: the action runs, on the fields sent (a preview of the pasted text).
  const own = await post({ 'content-type': form.type }, form.body);
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain('"ok":true');
});

test('a NUL character or a broken escape in an address is a 400 in words, not a 500', async ({ page }) => {
  const broken = await page.request.get('/en/entities/%E0%A4%A');
  expect(broken.status()).toBe(400);
  expect(await broken.text()).toContain(en.http.badAddress);
  const search = await page.request.get('/en/search?q=x%00y', { headers: { accept: 'text/html' } });
  expect(search.status()).toBe(400);
  expect(await search.text()).toContain(en.http.nulCharacter);
  expect((await page.request.get('/zh/search?q=%00')).status()).toBe(400);
  expect(await (await page.request.get('/zh/search?q=%00')).text()).toContain(zh.http.nulCharacter);
  await signInThroughApi(page, USERS.secretariat);
  const file = await page.request.get('/api/evidence/files/%00');
  expect(file.status()).toBe(400);
  expect(await file.json()).toEqual({ message: en.http.nulCharacter });
});

test('an entity code holding a percent sign is a plain 404', async ({ page }) => {
  await signInThroughApi(page, USERS.secretariat);
  const response = await page.request.get('/en/entities/%25');
  expect(response.status()).toBe(404);
  expect(await response.text()).toContain(en.common.notFoundTitle);
});

/** A commitment with synthetic wording, made behind the application's back for this file's tests. */
async function createCommitment(id: string) {
  await e2eQuery(
    `INSERT INTO "Commitment" ("id", "instrumentId", "thematicAreaId", "reference", "kind", "order", "updatedAt")
     SELECT $1, i."id", a."id", $2, 'COMMITMENT', 9, now() FROM "Instrument" i, "ThematicArea" a
     WHERE i."code" = 'E2E' AND a."code" = 'TA1' ON CONFLICT DO NOTHING`,
    [id, `sec-${id.slice(-4)}`],
  );
}

test('an evidence file of exactly 10 MiB uploads, links and downloads whole', async ({ page }) => {
  test.setTimeout(120_000);
  await createCommitment('e2ehttpcommit0001');
  await signInThroughApi(page, USERS.secretariat);
  await page.goto('/en/commitments/e2ehttpcommit0001');
  const evidence = page.getByTestId('commitment-evidence');
  const bytes = Buffer.alloc(10 * 1024 * 1024, 'Invented evidence text for the upload limit test.\n');
  await evidence.getByText(en.evidence.moreKinds).click();
  const name = `ten-mebibytes-${Date.now()}.txt`;
  await evidence.getByLabel('File', { exact: true }).setInputFiles({ name, mimeType: 'text/plain', buffer: bytes });
  await evidence.getByRole('button', { name: 'Upload and link' }).click();
  await expect(evidence.getByText('The file is uploaded and linked.')).toBeVisible({ timeout: 60_000 });
  const href = await evidence.getByRole('link', { name }).getAttribute('href');
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  expect((await download.body()).equals(bytes)).toBe(true);
});

test('a document text of 11 MB reaches the dry run', async ({ page }) => {
  test.setTimeout(120_000);
  await signInThroughApi(page, USERS.secretariat);
  await page.goto('/en/documents/import');
  await expect(page.getByRole('button', { name: 'Dry run' })).toBeEnabled();
  // Fewer than 1,000 paragraphs (numbers have at most three digits), each long.
  const paragraph = (number: number) => `${number}. Invented paragraph ${number} of a very long synthetic report, ${'written only to test the upload limit. '.repeat(320)}`;
  const paragraphs: string[] = [];
  let size = 0;
  for (let number = 1; size < 11_000_000; number += 1) {
    paragraphs.push(paragraph(number));
    size += paragraphs.at(-1)!.length + 2;
  }
  const text = `X/E2E/BIG\n\nInvented report for the upload limit\n\nI. Introduction\n\n${paragraphs.join('\n\n')}\n`;
  expect(Buffer.byteLength(text)).toBeGreaterThan(11_000_000);
  await page.getByLabel('Document symbol').fill('X/E2E/BIG');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('en');
  await page.getByLabel('Text file (optional)').setInputFiles({ name: 'big-report.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  // The file is read in the browser first (the button waits for it): the whole text is in the form before it is sent.
  await expect(page.getByLabel('Text', { exact: true })).toHaveValue(new RegExp(`${paragraphs.length}\\. Invented paragraph ${paragraphs.length} `), { timeout: 60_000 });
  await page.getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByTestId('document-preview-summary')).toContainText(`New document X/E2E/BIG. ${paragraphs.length} paragraphs`, { timeout: 90_000 });
});

test('a body over the largest limit gets a 413 in words, in the language of the page', async ({ page }) => {
  await signInThroughApi(page, USERS.secretariat);
  const id = actionId('previewDocumentImportAction');
  const huge = Buffer.alloc(25 * 1024 * 1024, 'x');
  for (const [locale, messages] of [['en', en], ['zh', zh]] as const) {
    const response = await page.request.post(`/${locale}/documents/import`, {
      headers: { 'next-action': id, origin: ORIGIN, 'content-type': 'multipart/form-data; boundary=zzz' }, data: huge,
    });
    expect(response.status()).toBe(413);
    expect(await response.text()).toContain(messages.http.tooLarge.replace('{max}', '24 MB'));
  }
  const api = await page.request.post('/api/catalogue/import', { headers: { 'content-type': 'application/json' }, data: huge });
  expect(api.status()).toBe(413);
  expect((await api.json()).message).toBe(en.http.tooLarge.replace('{max}', '24 MB'));
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
