import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from '@/lib/auth/callback-url';
import { clientAddress } from '@/lib/auth/client-address';

describe('safeCallbackPath', () => {
  it('keeps a path inside the application', () => {
    expect(safeCallbackPath('/zh/entities?group=AFRICAN', 'zh')).toBe('/zh/entities?group=AFRICAN');
  });
  it.each(['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', undefined, 42])(
    'sends %s to the workspace instead',
    (value) => expect(safeCallbackPath(value, 'en')).toBe('/en/dashboard'),
  );
});

describe('clientAddress', () => {
  it('takes the address added by the nearest proxy, not one a client wrote', () => {
    expect(clientAddress({ 'x-forwarded-for': '6.6.6.6, 10.0.0.7' })).toBe('10.0.0.7');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '127.0.0.1' }))).toBe('127.0.0.1');
  });
  it('falls back to x-real-ip, then to a fixed bucket', () => {
    expect(clientAddress({ 'x-real-ip': '192.0.2.1' })).toBe('192.0.2.1');
    expect(clientAddress({})).toBe('unknown');
  });
});
