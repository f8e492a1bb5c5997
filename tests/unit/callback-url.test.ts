import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { clientAddress } from '@/lib/auth/client-address';

describe('safeCallbackPath', () => {
  it('keeps a path inside the application', () => {
    expect(safeCallbackPath('/zh/entities?group=AFRICAN', 'zh')).toBe('/zh/entities?group=AFRICAN');
  });
  it.each(['https://evil.example/', '//evil.example/x', '/\\evil.example', '/\t/evil.example/x', '/\n/evil.example', 'javascript:alert(1)', '/en/sign-in', '/zh/sign-out', undefined, 42])(
    'sends %s to the workspace instead',
    (value) => expect(safeCallbackPath(value, 'en')).toBe('/en/dashboard'),
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
