// The headers proxy.ts puts on every page: a Content-Security-Policy whose scripts need this
// response's nonce, handed to Next with the request so that its own scripts carry it, and
// next-intl's alternate-language links at the application's own address, whatever Host is forged.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { NextRequest, NextResponse } from 'next/server';

// next-intl's middleware, as far as these headers go (its ESM build cannot load outside Next; the
// end-to-end tests run the real one): it passes the request's headers on to the page, and links
// the page in each language at the host the request names, forged or not.
vi.mock('next-intl/middleware', () => ({
  default: () => (request: NextRequest) => {
    const response = NextResponse.next({ request: { headers: new Headers(request.headers) } });
    const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
    const path = request.nextUrl.pathname.replace(/^\/(en|zh)/, '');
    response.headers.set('Link', ['en', 'zh'].map((locale) => `<http://${host}/${locale}${path}>; rel="alternate"; hreflang="${locale}"`)
      .concat(`<http://${host}${path}>; rel="alternate"; hreflang="x-default"`).join(', '));
    return response;
  },
}));

let proxyModule: typeof import('@/proxy');

beforeAll(async () => {
  process.env.NEXTAUTH_URL = 'https://tracker.example';
  process.env.DATABASE_URL ??= 'postgresql://unused@localhost/unused';
  process.env.NEXTAUTH_SECRET ??= 'a test secret of sufficient length';
  proxyModule = await import('@/proxy');
});

const directives = (policy: string) => new Map(policy.split(';').map((part) => {
  const [name, ...values] = part.trim().split(/\s+/);
  return [name!, values] as const;
}));

describe('contentSecurityPolicy', () => {
  it('lets scripts run only with the nonce (and what they load), never inline, and forbids framing', () => {
    const policy = directives(proxyModule.contentSecurityPolicy('abc123', { dev: false, https: false }));
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.has('upgrade-insecure-requests')).toBe(false);
  });

  it('allows eval in development only, and upgrades requests over HTTPS only', () => {
    expect(directives(proxyModule.contentSecurityPolicy('n', { dev: true, https: false })).get('script-src')).toContain("'unsafe-eval'");
    expect(directives(proxyModule.contentSecurityPolicy('n', { dev: false, https: true })).has('upgrade-insecure-requests')).toBe(true);
  });
});

describe('alternateLinks', () => {
  it('moves every address to the given origin and keeps path and query', () => {
    const forged = '<http://evil.example/en/search?q=x>; rel="alternate"; hreflang="en", <http://evil.example/zh/search?q=x>; rel="alternate"; hreflang="zh", <http://evil.example/search?q=x>; rel="alternate"; hreflang="x-default"';
    expect(proxyModule.alternateLinks(forged, 'https://tracker.example')).toBe(
      '<https://tracker.example/en/search?q=x>; rel="alternate"; hreflang="en", <https://tracker.example/zh/search?q=x>; rel="alternate"; hreflang="zh", <https://tracker.example/search?q=x>; rel="alternate"; hreflang="x-default"',
    );
  });
});

describe('proxy', () => {
  const page = (headers: Record<string, string> = {}) =>
    proxyModule.default(new NextRequest('http://evil.example/en/documents', { headers: { host: 'evil.example', ...headers } }));

  it('answers a page with a nonce policy and hands the same policy to Next with the request', () => {
    const response = page();
    const policy = response.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    expect(directives(policy).get('script-src')).not.toContain("'unsafe-inline'");
    expect(response.headers.get('x-middleware-request-content-security-policy')).toBe(policy);
    expect(response.headers.get('x-middleware-request-x-nonce')).toBe(nonce);
    expect(response.headers.get('x-middleware-override-headers')).toContain('content-security-policy');
    // NEXTAUTH_URL is https: the browser upgrades any http subresource.
    expect(directives(policy).has('upgrade-insecure-requests')).toBe(true);
    // A nonce is good for one response only.
    expect(page().headers.get('content-security-policy')).not.toBe(policy);
  });

  it('builds the alternate-language links from NEXTAUTH_URL, not from a forged Host or X-Forwarded-Host', () => {
    const forgeries: Record<string, string>[] = [{}, { 'x-forwarded-host': 'evil2.example', 'x-forwarded-proto': 'http' }];
    for (const forged of forgeries) {
      const link = page(forged).headers.get('link')!;
      const addresses = [...link.matchAll(/<([^>]*)>/g)].map((match) => match[1]);
      expect(addresses).toEqual(['https://tracker.example/en/documents', 'https://tracker.example/zh/documents', 'https://tracker.example/documents']);
    }
  });
});
