import { describe, expect, it } from 'vitest';
import { clientAddressOf } from '@/scripts/client-address.mjs';

const request = (remoteAddress: string, forwardedFor?: string) => ({
  socket: { remoteAddress },
  headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
});

describe('clientAddressOf', () => {
  it('takes the socket peer when no proxy is trusted, whatever the client wrote', () => {
    expect(clientAddressOf(request('198.51.100.7', '6.6.6.6'), 0)).toBe('198.51.100.7');
  });
  it('takes the entry written by the outermost trusted proxy', () => {
    expect(clientAddressOf(request('10.0.0.2', '6.6.6.6, 203.0.113.9'), 1)).toBe('203.0.113.9');
    expect(clientAddressOf(request('10.0.0.2', '6.6.6.6, 203.0.113.9, 10.0.0.1'), 2)).toBe('203.0.113.9');
  });
  it('falls back to the socket when the header is missing', () => {
    expect(clientAddressOf(request('10.0.0.2'), 1)).toBe('10.0.0.2');
  });
});
