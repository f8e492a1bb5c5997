// One log line per request, from scripts/serve.mjs: its id (the same as the X-Request-Id the
// response carries, whatever id the client sent), method, path without the query and without an
// invitation's token, status and time; nothing the person typed into the query.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createRequestHandler, loggedPath } from '@/scripts/serve.mjs';

let server: Server | undefined;

afterEach(async () => {
  if (!server) return;
  server.closeAllConnections();
  await new Promise((done) => server!.close(done));
  server = undefined;
});

describe('the request log', () => {
  it('writes one line per request with its own id, the path without query or token, and the status', async () => {
    const lines: { fields: Record<string, unknown>; message: string }[] = [];
    const logger = { info: (fields: Record<string, unknown>, message: string) => lines.push({ fields, message }) };
    let seenId: string | undefined;
    server = createServer(createRequestHandler((request, response) => {
      seenId = String(request.headers['x-request-id']);
      response.statusCode = 404;
      response.end('not here');
    }, { appUrl: 'http://tracker.example', logger }));
    await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const response = await fetch(`${base}/en/invitations/SECRET-TOKEN-123?q=${encodeURIComponent('what I searched\nfor')}`, { headers: { 'x-request-id': 'forged' } });
    await response.text();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line!.message).toBe('request');
    expect(line!.fields).toMatchObject({ method: 'GET', path: '/en/invitations/…', status: 404 });
    expect(line!.fields.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(line!.fields.requestId).toBe(response.headers.get('x-request-id'));
    expect(line!.fields.requestId).toBe(seenId);
    expect(JSON.stringify(line)).not.toMatch(/SECRET-TOKEN|searched|forged/);
    expect(typeof line!.fields.ms).toBe('number');
  });

  it('cuts the query and invitation tokens from any path', () => {
    expect(loggedPath('/zh/search?q=x')).toBe('/zh/search');
    expect(loggedPath('/en/invitations/abc/def')).toBe('/en/invitations/…/def');
    expect(loggedPath(undefined)).toBe('/');
  });
});
