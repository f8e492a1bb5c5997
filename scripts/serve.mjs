// The HTTP server of `npm start`: Next's request handler behind a plain Node server that
// records where each request came from. Route handlers cannot see the socket, and
// X-Forwarded-For is whatever the client wrote unless a proxy we trust wrote it; so the client
// address is worked out here and passed on in X-Client-Address, which a client cannot set.
// TRUST_PROXY_HOPS: how many reverse proxies in front of the app append to X-Forwarded-For (default 0).
import { createServer } from 'node:http';
import next from 'next';
import { clientAddressOf } from './client-address.mjs';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME_BIND ?? '0.0.0.0';
const hops = Number(process.env.TRUST_PROXY_HOPS ?? 0);

const app = next({ dev, dir: new URL('..', import.meta.url).pathname, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  request.headers['x-client-address'] = clientAddressOf(request, hops);
  handle(request, response);
});
server.listen(port, hostname, () => console.log(`> Ready on http://localhost:${port}`));

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
