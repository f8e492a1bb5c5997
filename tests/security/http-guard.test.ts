// The checks scripts/serve.mjs makes on every raw request before Next sees it, over real HTTP on
// the loopback, with a stand-in for Next's handler that records what reaches it. Each refusal is a
// 4xx in words, in the reader's language, and never reaches Next; what passes reaches Next whole.
import { Agent, createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createRequestHandler, MAX_REQUEST_BYTES } from '@/scripts/serve.mjs';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';
import zh from '@/messages/zh.json';

type Seen = { method: string; url: string; headers: IncomingMessage['headers']; body: Buffer };
type Options = { hops?: number; appUrl?: string; maxRequestBytes?: number };

let server: Server | undefined;
let seen: Seen[] = [];
// Keep-alive, as browsers: a refusal that comes before the whole body is sent must not break the connection.
let agent = new Agent({ keepAlive: true });

/** A server with the guard in front of a handler that records each request and answers 200. */
async function start(options: Options = {}): Promise<string> {
  seen = [];
  const next = (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({ method: request.method!, url: request.url!, headers: request.headers, body: Buffer.concat(chunks) });
      response.end('next');
    });
  };
  server = createServer(createRequestHandler(next, { appUrl: 'http://tracker.example', ...options }));
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  agent.destroy();
  agent = new Agent({ keepAlive: true });
  server?.closeAllConnections();
  await new Promise((done) => server?.close(done));
  server = undefined;
});

type Answer = { status: number; headers: IncomingMessage['headers']; text: string };

/** A raw request: any header, any body, chunked when asked (no Content-Length). */
function send(base: string, path: string, { method = 'GET', headers = {}, body, chunked = false }: {
  method?: string; headers?: Record<string, string>; body?: Buffer | string; chunked?: boolean;
} = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    let answer: Answer | undefined;
    // Done only once the whole body is sent (a refusal may come first).
    const request = httpRequest({ host: url.hostname, port: url.port, path, method, headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => { answer = { status: response.statusCode!, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }; });
    });
    request.on('close', () => (answer ? resolve(answer) : reject(new Error('no answer'))));
    request.on('error', reject);
    if (body !== undefined) {
      if (!chunked) request.setHeader('content-length', Buffer.byteLength(body));
      // Chunked: written in pieces, so that no length is known beforehand.
      const bytes = Buffer.from(body);
      for (let at = 0; at < bytes.length; at += 64 * 1024) request.write(bytes.subarray(at, at + 64 * 1024));
    }
    request.end();
  });
}

/** A form as a browser's fetch sends it, with its multipart content type. */
async function multipart(fields: Record<string, string>): Promise<{ body: Buffer; type: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const request = new Request('http://x/', { method: 'POST', body: form });
  return { body: Buffer.from(await request.arrayBuffer()), type: request.headers.get('content-type')! };
}

const ORIGIN = 'http://tracker.example';
const actionHeaders = (extra: Record<string, string> = {}) => ({ host: 'tracker.example', origin: ORIGIN, 'next-action': '7f00', ...extra });

describe('scripts/serve.mjs', () => {
  it('refuses a NUL character anywhere in the address, in words, before Next', async () => {
    const base = await start();
    for (const path of ['/en/search?q=x%00y', '/en/search?q=%00', '/api/evidence/files/%00', '/en/entities/a%00', '/en/search?q=%2500%00']) {
      expect((await send(base, path)).status).toBe(400);
    }
    // A browser gets a page in its language.
    const page = await send(base, '/en/search?q=x%00y', { headers: { accept: 'text/html' } });
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain(`<p>${en.http.nulCharacter}</p>`);
    const chinese = await send(base, '/zh/search?q=%00');
    expect(chinese).toMatchObject({ status: 400, text: `${zh.http.nulCharacter}\n` });
    expect(chinese.headers['content-language']).toBe('zh');
    const api = await send(base, '/api/evidence/files/%00');
    expect(JSON.parse(api.text)).toEqual({ message: en.http.nulCharacter });
    expect(seen).toEqual([]);
    // A percent sign that is no NUL passes.
    expect((await send(base, '/en/search?q=100%25')).status).toBe(200);
    expect((await send(base, '/en/entities/%25')).status).toBe(200);
  });

  it('answers in any of the six languages: the address\'s, else the browser\'s by q-value; Arabic right to left', async () => {
    const base = await start();
    const html = { accept: 'text/html' };
    const french = await send(base, '/fr/search?q=%00', { headers: html });
    expect(french.headers['content-language']).toBe('fr');
    expect(french.text).toContain('<html lang="fr" dir="ltr">');
    expect(french.text).toContain(`<p>${fr.http.nulCharacter}</p>`);
    // The address wins over the browser; a regional form of it is the language (the proxy sends /fr-CA/ to /fr/).
    expect((await send(base, '/fr-CA/search?q=%00', { headers: { 'accept-language': 'ar' } })).text).toBe(`${fr.http.nulCharacter}\n`);
    const arabic = await send(base, '/ar/entities/%E0%A4%A', { headers: html });
    expect(arabic).toMatchObject({ status: 400 });
    expect(arabic.headers['content-language']).toBe('ar');
    expect(arabic.text).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.text).toContain(`<h1>${ar.http.title}</h1><p>${ar.http.badAddress}</p>`);
    // No language in the address (the API): the browser's preference by q-value among the six.
    const api = await send(base, '/api/evidence/files/%00', { headers: { 'accept-language': 'de-DE, en;q=0.5, fr-CA;q=0.8' } });
    expect(JSON.parse(api.text)).toEqual({ message: fr.http.nulCharacter });
    expect(api.headers['content-language']).toBe('fr');
    const byBrowser = await send(base, '/api/evidence/files/%00', { headers: { 'accept-language': 'en;q=0.2, ar-EG;q=0.9' } });
    expect(JSON.parse(byBrowser.text)).toEqual({ message: ar.http.nulCharacter });
    expect((await send(base, '/api/evidence/files/%00', { headers: { 'accept-language': 'de, ja' } })).headers['content-language']).toBe('en');
    expect(seen).toEqual([]);
  });

  it('refuses a broken escape in the path, in words, before Next', async () => {
    const base = await start();
    for (const path of ['/en/entities/%E0%A4%A', '/en/entities/%', '/zh/documents/%ZZ']) {
      expect((await send(base, path)).status).toBe(400);
    }
    expect((await send(base, '/zh/documents/%ZZ')).text).toBe(`${zh.http.badAddress}\n`);
    expect(seen).toEqual([]);
    // The query is read leniently (URLSearchParams): a broken escape there is no failure.
    expect((await send(base, '/en/search?q=%E0%A4%A')).status).toBe(200);
  });

  it('answers a body over the limit with a 413 in words, declared or counted, and never hands it on', async () => {
    const base = await start({ maxRequestBytes: 1000 });
    const over = Buffer.alloc(1001, 'a');
    const declared = await send(base, '/api/catalogue/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: over });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.text).message).toBe(en.http.tooLarge.replace('{max}', '0 MB'));
    const chunked = await send(base, '/zh/documents/import', { method: 'POST', headers: actionHeaders({ 'content-type': 'multipart/form-data; boundary=x' }), body: over, chunked: true });
    expect(chunked.status).toBe(413);
    expect(chunked.text).toContain('上传内容过大');
    expect(seen).toEqual([]);
    // At the limit, the body reaches Next whole.
    const atLimit = Buffer.alloc(1000, 'b');
    expect((await send(base, '/api/catalogue/import', { method: 'POST', body: atLimit, chunked: true })).status).toBe(200);
    expect(seen[0]!.body.equals(atLimit)).toBe(true);
    expect(seen[0]!.headers['content-length']).toBe('1000');
  });

  it('lets a form as large as the largest limit through, and no larger', async () => {
    const base = await start();
    // A 20 MB document's text with its other fields, as the import form sends it.
    const { body, type } = await multipart({ '0': '["$K1"]', '1_symbol': 'A/1', '1_text': 'x'.repeat(20 * 1024 * 1024) });
    const accepted = await send(base, '/en/documents/import', { method: 'POST', headers: actionHeaders({ 'content-type': type }), body });
    expect(accepted.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.body.equals(body)).toBe(true);
    const tooLarge = await send(base, '/en/documents/import', {
      method: 'POST', headers: actionHeaders({ 'content-type': type }), body: Buffer.alloc(MAX_REQUEST_BYTES + 1, 'x'),
    });
    expect(tooLarge.status).toBe(413);
    expect(seen).toHaveLength(1);
  });

  it('refuses a server action that is not a well-formed form, in words, before Next', async () => {
    const base = await start();
    const post = (headers: Record<string, string>, body: string | Buffer) => send(base, '/en/documents/import', { method: 'POST', headers, body });
    const json = await post(actionHeaders({ 'content-type': 'application/json' }), '{"a":1}');
    expect(json).toMatchObject({ status: 415, text: `${en.http.notAForm}\n` });
    expect((await post(actionHeaders({ 'content-type': 'text/plain;charset=UTF-8' }), '["x"]')).status).toBe(415);
    expect((await post(actionHeaders(), 'x')).status).toBe(415);
    // Multipart whose boundary is missing, or is not the one the body uses.
    const part = '--yyy\r\nContent-Disposition: form-data; name="0"\r\n\r\n[]\r\n--yyy--\r\n';
    expect((await post(actionHeaders({ 'content-type': 'multipart/form-data' }), part)).status).toBe(400);
    expect((await post(actionHeaders({ 'content-type': 'multipart/form-data; boundary=zzz' }), part)).status).toBe(400);
    // The same, posted as a form without JavaScript (no Next-Action header).
    const { 'next-action': _action, ...withoutAction } = actionHeaders({ 'content-type': 'multipart/form-data; boundary=zzz' });
    expect((await post(withoutAction, part)).status).toBe(400);
    // Well-formed multipart, but not the arguments of an action (no field "0", or no JSON in it).
    const noArguments = await multipart({ a: 'b' });
    expect((await post(actionHeaders({ 'content-type': noArguments.type }), noArguments.body)).status).toBe(400);
    const badArguments = await multipart({ '0': '{not json' });
    expect((await post(actionHeaders({ 'content-type': badArguments.type }), badArguments.body)).status).toBe(400);
    // An empty body.
    expect((await post(actionHeaders({ 'content-type': 'multipart/form-data; boundary=zzz' }), '')).status).toBe(400);
    const chinese = await send(base, '/zh/documents/import', { method: 'POST', headers: actionHeaders({ 'content-type': 'application/json' }), body: '{}' });
    expect(chinese.text).toBe(`${zh.http.notAForm}\n`);
    expect(seen).toEqual([]);

    const form = await multipart({ '0': '["$K1"]', '1_symbol': 'A/1' });
    expect((await post(actionHeaders({ 'content-type': form.type }), form.body)).status).toBe(200);
    const { 'next-action': _none, ...plainForm } = actionHeaders({ 'content-type': form.type });
    expect((await post(plainForm, form.body)).status).toBe(200);
    expect(seen).toHaveLength(2);
  });

  it('refuses a server action without an Origin, or from another one, with a 403 in words', async () => {
    const base = await start();
    const form = await multipart({ '0': '[]' });
    const post = (headers: Record<string, string>) =>
      send(base, '/en/documents/import', { method: 'POST', headers: { 'content-type': form.type, 'next-action': '7f00', ...headers }, body: form.body });
    const none = await post({ host: 'tracker.example' });
    expect(none).toMatchObject({ status: 403, text: `${en.http.foreignOrigin}\n` });
    for (const origin of ['null', 'https://evil.example', 'http://tracker.example.evil.example', 'not a url']) {
      expect((await post({ host: 'tracker.example', origin })).status).toBe(403);
    }
    // A forged X-Forwarded-Host is no one's word when no proxy is trusted.
    expect((await post({ host: 'tracker.example', origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' })).status).toBe(403);
    expect(seen).toEqual([]);
    // The application's own address (NEXTAUTH_URL), or the host the request was sent to.
    expect((await post({ host: '127.0.0.1:3000', origin: ORIGIN })).status).toBe(200);
    expect((await post({ host: 'localhost:3000', origin: 'http://localhost:3000' })).status).toBe(200);
    // The API keeps its own checks (next-auth's CSRF token): no Origin needed there.
    expect((await send(base, '/api/auth/callback/credentials', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=b' })).status).toBe(200);
  });

  it('believes X-Forwarded-Host and -Proto only from a trusted proxy', async () => {
    const forged = { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', 'x-forwarded-port': '443' };
    let base = await start();
    await send(base, '/en', { headers: forged });
    expect(seen[0]!.headers).not.toHaveProperty('x-forwarded-host');
    expect(seen[0]!.headers).not.toHaveProperty('x-forwarded-proto');
    expect(seen[0]!.headers).not.toHaveProperty('x-forwarded-port');
    await new Promise((done) => server!.close(done));

    base = await start({ hops: 1 });
    await send(base, '/en', { headers: forged });
    expect(seen[0]!.headers).toMatchObject(forged);
    const form = await multipart({ '0': '[]' });
    const behindProxy = await send(base, '/en/documents/import', {
      method: 'POST', headers: { host: 'internal:3000', origin: 'https://public.example', 'x-forwarded-host': 'public.example', 'content-type': form.type, 'next-action': '7f00' }, body: form.body,
    });
    expect(behindProxy.status).toBe(200);
  });

  it('sends HSTS when the application is served over HTTPS, and only then', async () => {
    let base = await start();
    expect((await send(base, '/en')).headers['strict-transport-security']).toBeUndefined();
    // A client's own X-Forwarded-Proto proves nothing.
    expect((await send(base, '/en', { headers: { 'x-forwarded-proto': 'https' } })).headers['strict-transport-security']).toBeUndefined();
    await new Promise((done) => server!.close(done));

    base = await start({ appUrl: 'https://tracker.example' });
    expect((await send(base, '/en')).headers['strict-transport-security']).toMatch(/^max-age=\d{8,}/);
    expect((await send(base, '/api/health')).headers['strict-transport-security']).toMatch(/^max-age=/);
    expect((await send(base, '/en/search?q=%00')).headers['strict-transport-security']).toMatch(/^max-age=/);
    await new Promise((done) => server!.close(done));

    base = await start({ hops: 1 });
    expect((await send(base, '/en', { headers: { 'x-forwarded-proto': 'https' } })).headers['strict-transport-security']).toMatch(/^max-age=/);
    expect((await send(base, '/en', { headers: { 'x-forwarded-proto': 'http' } })).headers['strict-transport-security']).toBeUndefined();
  });

  it('passes the client address on and overrides one the client wrote', async () => {
    const base = await start();
    await send(base, '/en', { headers: { 'x-client-address': '6.6.6.6' } });
    expect(seen[0]!.headers['x-client-address']).toBe('127.0.0.1');
  });
});
