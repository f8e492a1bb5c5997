// The HTTP server of `npm start`: Next's request handler behind a plain Node server that sees each
// raw request first.
//
// - Where a request came from: route handlers cannot see the socket, and X-Forwarded-For is
//   whatever the client wrote unless a proxy we trust wrote it; so the client address is worked
//   out here and passed on in X-Client-Address, which a client cannot set. X-Forwarded-Host,
//   -Proto and -Port are dropped unless a proxy is trusted (Next would believe them otherwise).
// - Requests Next would answer with a 500 are answered here with a 4xx in words, in the reader's
//   language: a NUL character or a broken escape in the address, a body over the largest limit
//   (413), and a POST to a page (a server action) that is not a well-formed form or comes from no
//   or another origin.
// - HSTS on every response when the application is served over HTTPS.
// - One JSON log line per request (pino): its id (also in X-Request-Id, for the error page), the
//   method, the path without its query (which may hold what people searched for) and with
//   invitation tokens cut out, the status and the time taken.
//
// TRUST_PROXY_HOPS: how many reverse proxies in front of the app append to X-Forwarded-For (default 0).
// HOSTNAME_BIND: the interface to listen on (scripts/start.ts sets it from HOST).
// WEB_CONCURRENCY: how many processes serve requests (default 1): rendering a page is work for one
// core, so a machine with several serves more with as many processes, all on the same port.
import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { createServer, IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import { directionOf, ERROR_LANGUAGES, errorLanguage } from '../lib/i18n/error-language.mjs';
import { clientAddressOf } from './client-address.mjs';

const require = createRequire(import.meta.url);
// Next's own multipart parser, the one its server-action handler uses: a body it accepts here is
// one Next accepts.
const busboy = require('next/dist/compiled/busboy');
// The refusals' words, in each of the six languages (the `http` part of each catalogue).
const catalogues = Object.fromEntries(ERROR_LANGUAGES.map((language) => [language, require(`../messages/${language}.json`)]));

/**
 * The largest request body: a 20 MB document's text with the other fields of its form (evidence
 * files are 10 MB). next.config.js gives Next's server actions and proxy the same limit, so that
 * every smaller limit is checked by the action itself and said in words.
 */
export const MAX_REQUEST_BYTES = 24 * 1024 * 1024;

/** What a client may still send after a 413, read and thrown away so that it sees the answer; beyond it, the connection is cut. */
const MAX_DISCARDED_BYTES = 2 * MAX_REQUEST_BYTES;

/**
 * The request listener: checks each request, then hands it to Next's `handle`.
 * `appUrl` is NEXTAUTH_URL, the address people reach the application at.
 */
export function createRequestHandler(handle, { hops = 0, appUrl, maxRequestBytes = MAX_REQUEST_BYTES, logger = requestLogger() }) {
  const app = new URL(appUrl);
  return (request, response) => {
    // The request's id is ours: one a client sent is replaced.
    const requestId = randomUUID();
    const started = process.hrtime.bigint();
    request.headers['x-request-id'] = requestId;
    response.setHeader('x-request-id', requestId);
    request.headers['x-client-address'] = clientAddressOf(request, hops);
    response.once('finish', () => logger.info({
      requestId, method: request.method, path: loggedPath(request.url), status: response.statusCode,
      ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10, address: request.headers['x-client-address'],
    }, 'request'));
    if (!hops) {
      delete request.headers['x-forwarded-host'];
      delete request.headers['x-forwarded-proto'];
      delete request.headers['x-forwarded-port'];
    }
    const forwardedProto = firstValue(request.headers['x-forwarded-proto']);
    if (app.protocol === 'https:' || forwardedProto === 'https') {
      response.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
    void check(request, response, { hops, app, maxRequestBytes }).then(
      (checked) => checked && handle(checked, response),
      (error) => {
        console.error('Could not check a request', error);
        if (!response.headersSent) refuse(request, response, 400, 'badRequest');
      },
    );
  };
}

/** The logger of requests: JSON lines on standard output, like the application's (lib/log.ts). */
function requestLogger() {
  const level = process.env.LOG_LEVEL || (process.env.NODE_ENV === 'test' ? 'silent' : 'info');
  return pino({ level, base: { service: 'tracker' }, timestamp: pino.stdTimeFunctions.isoTime });
}

/** The path as logged: no query string, and no invitation token. */
export function loggedPath(url) {
  const path = String(url ?? '/').split('?')[0];
  return path.replace(/(\/invitations\/)[^/]+/g, '$1…').slice(0, 500);
}

/** The request to hand to Next (the same one, or one replaying its body), or null when answered here. */
async function check(request, response, { hops, app, maxRequestBytes }) {
  const url = request.url ?? '/';
  // PostgreSQL stores no NUL, and a path or query holding one fails deep inside a page.
  if (/%00/i.test(url)) return refuse(request, response, 400, 'nulCharacter');
  const path = url.split('?')[0];
  // Next decodes the path's segments and fails with a 500 on a broken escape (/en/entities/%E0%A4%A).
  if (!decodes(path)) return refuse(request, response, 400, 'badAddress');

  const isAction = request.method === 'POST' && !/^\/(api|_next)(\/|$)/.test(path);
  if (isAction) {
    // Browsers send Origin with every POST; CSRF protection must not depend on its absence.
    if (!originAllowed(request.headers, hops, app)) return refuse(request, response, 403, 'foreignOrigin');
    if (!String(request.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
      return refuse(request, response, 415, 'notAForm');
    }
  }

  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxRequestBytes) return refuseTooLarge(request, response, maxRequestBytes);
  const hasBody = declared > 0 || request.headers['transfer-encoding'] !== undefined;
  if (!hasBody) return isAction ? refuse(request, response, 400, 'notAForm') : request;

  const body = await readBody(request, maxRequestBytes);
  if (!body) return refuseTooLarge(request, response, maxRequestBytes);
  if (isAction && !(await isWellFormedForm(request.headers, body, maxRequestBytes))) {
    return refuse(request, response, 400, 'notAForm');
  }
  return replay(request, body);
}

/** The Origin's host is where the application is, by NEXTAUTH_URL or as the request (or a trusted proxy) names it. */
function originAllowed(headers, hops, app) {
  const origin = headers.origin;
  if (typeof origin !== 'string' || origin === 'null') return false;
  let host;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const requestHost = (hops ? firstValue(headers['x-forwarded-host']) : undefined) ?? headers.host;
  return host === app.host || host === requestHost;
}

/**
 * Whether Next's action handler will read this body as a form, by the very parser it uses: busboy
 * for a fetch action (Next-Action header, whose arguments React always sends as field "0"), the
 * platform's FormData parser for a form posted without JavaScript.
 */
async function isWellFormedForm(headers, body, maxRequestBytes) {
  if (headers['next-action'] === undefined) {
    try {
      await new Request('http://localhost', { method: 'POST', headers: { 'content-type': headers['content-type'] }, body }).formData();
      return true;
    } catch {
      return false;
    }
  }
  const fields = await new Promise((resolve) => {
    let parser;
    try {
      parser = busboy({ headers, defParamCharset: 'utf8', limits: { fieldSize: maxRequestBytes } });
    } catch {
      return resolve(null);
    }
    const found = new Map();
    parser.on('field', (name, value) => found.set(name, value));
    parser.on('file', (_name, stream) => stream.resume());
    parser.on('error', () => resolve(null));
    parser.on('close', () => resolve(found));
    parser.end(body);
  });
  if (!fields?.has('0')) return false;
  try {
    JSON.parse(fields.get('0'));
    return true;
  } catch {
    return false;
  }
}

/** The whole body, or null as soon as it is larger than the limit. */
function readBody(request, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    const onData = (chunk) => {
      size += chunk.length;
      if (size <= limit) return chunks.push(chunk);
      request.off('data', onData);
      request.off('end', onEnd);
      resolve(null);
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', reject);
  });
}

/** A request like `original`, whose body (already read) is `body`, for Next to read again. */
function replay(original, body) {
  const copy = new IncomingMessage(original.socket);
  copy.method = original.method;
  copy.url = original.url;
  copy.httpVersion = original.httpVersion;
  copy.httpVersionMajor = original.httpVersionMajor;
  copy.httpVersionMinor = original.httpVersionMinor;
  const headers = { ...original.headers, 'content-length': String(body.length) };
  delete headers['transfer-encoding'];
  copy.headers = headers;
  copy.rawHeaders = Object.entries(headers).flatMap(([name, value]) => [value].flat().flatMap((item) => [name, String(item)]));
  copy.complete = true;
  copy.push(body);
  copy.push(null);
  return copy;
}

function refuseTooLarge(request, response, limit) {
  return refuse(request, response, 413, 'tooLarge', { max: `${Math.round(limit / 1024 / 1024)} MB` });
}

/** The client may still be sending: read on and drop it (up to a bound), so that it gets the answer rather than a broken pipe. */
function discardBody(request) {
  if (request.complete) return;
  let discarded = 0;
  request.on('data', (chunk) => {
    discarded += chunk.length;
    if (discarded > MAX_DISCARDED_BYTES) request.destroy();
  });
  request.resume();
}

/**
 * Answers here, in words and in the reader's language: JSON `{ message }` for the API, a small page
 * for a browser, plain text otherwise. Returns null (nothing left for Next).
 */
function refuse(request, response, status, key, values = {}) {
  discardBody(request);
  const locale = localeOf(request);
  const messages = catalogues[locale].http;
  const message = messages[key].replace(/\{(\w+)\}/g, (_match, name) => values[name] ?? '');
  const path = (request.url ?? '/').split('?')[0];
  const accept = String(request.headers.accept ?? '');
  response.statusCode = status;
  response.setHeader('cache-control', 'no-store');
  response.setHeader('content-language', locale);
  response.setHeader('x-content-type-options', 'nosniff');
  response.setHeader('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
  if (/^\/api(\/|$)/.test(path)) {
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.end(JSON.stringify({ message }));
  } else if (accept.includes('text/html')) {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    const dir = directionOf(locale);
    response.end(`<!DOCTYPE html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(messages.title)}</title></head>`
      + `<body><h1>${escapeHtml(messages.title)}</h1><p>${escapeHtml(message)}</p></body></html>`);
  } else {
    response.setHeader('content-type', 'text/plain; charset=utf-8');
    response.end(`${message}\n`);
  }
  return null;
}

/** The page's language by its path (/fr/…), else the language chosen before (cookie), else the browser's by q-value, else English. */
function localeOf(request) {
  return errorLanguage({ path: request.url, cookie: request.headers.cookie, acceptLanguage: request.headers['accept-language'] });
}

function decodes(path) {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function firstValue(header) {
  const value = [header].flat()[0];
  return typeof value === 'string' ? value.split(',')[0].trim() || undefined : undefined;
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

async function main() {
  const { default: next } = await import('next');
  const dev = process.argv.includes('--dev');
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOSTNAME_BIND ?? '0.0.0.0';
  const hops = Number(process.env.TRUST_PROXY_HOPS ?? 0);
  const appUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;

  const app = next({ dev, dir: new URL('..', import.meta.url).pathname, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer(createRequestHandler(handle, { hops, appUrl }));
  // A port that cannot be had (taken, not allowed) ends the process: Next's own handler of uncaught
  // exceptions would only log it and leave a server that serves nothing.
  server.on('error', (error) => {
    console.error(`Cannot listen on ${hostname}:${port}: ${error.message}`);
    process.exit(1);
  });
  server.listen(port, hostname, () => console.log(`> Ready on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`));

  // Requests under way finish, and so does the job queue (an e-mail being sent is either sent and
  // marked so, or handed back): lib/jobs/queue.ts keeps its stop on globalThis.
  async function shutdown() {
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeAllConnections?.();
    setTimeout(() => process.exit(0), 35_000).unref();
    await Promise.all([closed, globalThis.__trackerJobs?.stop?.()]).catch((error) => console.error(error));
    process.exit(0);
  }
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
}

/** WEB_CONCURRENCY as a number of processes: 1 when unset; a word, not a whole number from 1 to 64, is refused. */
export function workerCount(value) {
  if (value === undefined || value.trim() === '') return 1;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 64) throw new Error(`WEB_CONCURRENCY must be a whole number of processes from 1 to 64, not "${value}".`);
  return count;
}

/**
 * Several processes (node:cluster): this one starts them and starts a new one when one ends
 * unexpectedly; a stop is passed on to each, and this one ends when they have all finished.
 */
function runWorkers(count) {
  let stopping = false;
  let exitCode = 0;
  const listening = new Set();
  const fork = () => cluster.fork();
  cluster.on('listening', (worker) => listening.add(worker.id));
  cluster.on('exit', (worker, code, signal) => {
    if (!stopping && !listening.has(worker.id)) {
      // It never served (a wrong setting, no database): another would end the same way. Stop, as
      // a single process would.
      console.error(`Worker ${worker.process.pid} ended before it served (${signal ?? code}): stopping.`);
      exitCode = 1;
      stop();
    }
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
      return;
    }
    console.error(`Worker ${worker.process.pid} ended (${signal ?? code}): starting another.`);
    setTimeout(fork, 1000).unref();
  });
  const stop = () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(0);
    for (const worker of workers) worker?.process.kill('SIGTERM');
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  for (let index = 0; index < count; index += 1) fork();
}

// Run as a program (`node scripts/serve.mjs`); imported (tests, next.config.js), it only defines.
// Not a top-level await: Next imports next.config.js, which imports this module, while main() runs.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  try {
    const workers = process.argv.includes('--dev') ? 1 : workerCount(process.env.WEB_CONCURRENCY);
    if (workers > 1 && cluster.isPrimary) {
      runWorkers(workers);
    } else {
      main().catch((error) => {
        console.error(error);
        process.exit(1);
      });
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
