// Locale routing, and the security headers of every page. Never a security boundary: every page,
// query and action authorizes on its own (ARCHITECTURE.md, request flow).
import createMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';
import { localeVariantRedirect, routing } from '@/lib/i18n/routing';
import { appUrl, env } from '@/lib/env';

const handleI18nRouting = createMiddleware(routing);

/**
 * A page's Content-Security-Policy. Scripts run only with this response's nonce, which Next puts on
 * its own script tags when it finds the policy among the request's headers (every page is
 * rendered per request: app/[locale]/layout.tsx), and what those scripts load ('strict-dynamic').
 */
export function contentSecurityPolicy(nonce: string, { dev, https }: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code to rebuild server stacks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Style attributes (bar widths, indents) cannot carry a nonce; styles run no code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/**
 * next-intl's Link header (the page in the other languages) with its addresses at the application's
 * own origin (NEXTAUTH_URL): next-intl builds them from the Host or X-Forwarded-Host the request
 * names, which anyone can forge, and a cache would then hand the forged links to everyone.
 */
export function alternateLinks(value: string, origin: string): string {
  return value.replace(/<([^>]*)>/g, (_match, address: string) => {
    const url = new URL(address, origin);
    return `<${new URL(`${url.pathname}${url.search}`, origin).toString()}>`;
  });
}

export default function proxy(request: NextRequest): NextResponse {
  const app = new URL(appUrl('/'));
  // X-Forwarded-Proto reaches this far only from a trusted proxy (scripts/serve.mjs drops it otherwise).
  const https = app.protocol === 'https:' || request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';

  // A locale in a regional form or another case ("/fr-CA/instruments"): the same page in that locale.
  const variant = localeVariantRedirect(request.nextUrl.pathname);
  if (variant) {
    const target = request.nextUrl.clone();
    target.pathname = variant;
    // Next writes a redirect to the request's own origin as a relative Location.
    return NextResponse.redirect(target, 308);
  }
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce, { dev: env().NODE_ENV === 'development', https });

  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', policy);
  const response = handleI18nRouting(new NextRequest(request.url, { headers }));
  response.headers.set('content-security-policy', policy);
  const link = response.headers.get('link');
  if (link) response.headers.set('link', alternateLinks(link, app.origin));
  return response;
}

export const config = {
  matcher: '/((?!api|_next|_vercel|.*\\..*).*)',
};
