import { describe, expect, it } from 'vitest';
import { safeCallbackPath, safeRedirectUrl } from '@/lib/auth/callback-url';
import { clientAddress } from '@/lib/auth/client-address';

describe('safeCallbackPath', () => {
  it('keeps a path inside the application', () => {
    expect(safeCallbackPath('/zh/entities?group=AFRICAN', 'zh')).toBe('/zh/entities?group=AFRICAN');
  });
  it.each(['https://evil.example/', '//evil.example/x', '/\\evil.example', '/\t/evil.example/x', '/\n/evil.example', 'javascript:alert(1)', '/en/sign-in', '/zh/sign-out', undefined, 42])(
    'sends %s to the workspace instead',
    (value) => expect(safeCallbackPath(value, 'en')).toBe('/en/dashboard'),
  );
  // Dot segments are resolved by the URL parser, and what they leave behind may be a
  // protocol-relative address: the result is checked, not only the input.
  it.each(['/.//evil.example/x', '/a/..//evil.example', '/%2e//evil.example', '/%2E%2e//evil.example/x', '/en/../..//evil.example', '/./%2e/.//evil.example'])(
    'sends %s, which resolves to another site, to the workspace instead',
    (value) => {
      expect(safeCallbackPath(value, 'en')).toBe('/en/dashboard');
      expect(new URL(safeCallbackPath(value, 'en'), 'https://tracker.example.org').origin).toBe('https://tracker.example.org');
    },
  );
  it('still resolves harmless dot segments inside the application', () => {
    expect(safeCallbackPath('/en/entities/../cycles', 'en')).toBe('/en/cycles');
  });
});

describe('safeRedirectUrl (next-auth redirect callback)', () => {
  const base = 'https://tracker.example.org';
  it('keeps addresses of this application, relative or absolute', () => {
    expect(safeRedirectUrl('/zh/entities', base)).toBe(`${base}/zh/entities`);
    expect(safeRedirectUrl(`${base}/en/cycles?x=1`, base)).toBe(`${base}/en/cycles?x=1`);
  });
  it.each(['/.//evil.example/x', '/a/..//evil.example', '/%2e//evil.example', '//evil.example', 'https://evil.example/', 'https://tracker.example.org.evil.example/', `https://tracker.example.org/.//evil.example`, 'javascript:alert(1)'])(
    'sends %s to the application instead',
    (value) => {
      const result = safeRedirectUrl(value, base);
      expect(new URL(result).origin).toBe(base);
      expect(new URL(result).pathname.startsWith('//')).toBe(false);
    },
  );
});

describe('clientAddress', () => {
  it('reads only the address the server wrote', () => {
    expect(clientAddress({ 'x-client-address': '192.0.2.1', 'x-forwarded-for': '6.6.6.6' })).toBe('192.0.2.1');
    expect(clientAddress(new Headers({ 'x-client-address': '127.0.0.1' }))).toBe('127.0.0.1');
  });
  it('ignores X-Forwarded-For, which a client can write', () => {
    expect(clientAddress({ 'x-forwarded-for': '6.6.6.6' })).toBe('unknown');
  });
});
