// Where `npm start` listens: the demo, whose accounts share a published password, only on this
// computer unless HOST says otherwise; a real deployment on every interface, as before.
import { describe, expect, it } from 'vitest';
import { bindAddress, bindNotice } from '@/scripts/start';

describe('bindAddress', () => {
  it('keeps the demo on 127.0.0.1 unless HOST is set', () => {
    expect(bindAddress({ demo: true, host: undefined })).toBe('127.0.0.1');
    expect(bindAddress({ demo: true, host: '' })).toBe('127.0.0.1');
    expect(bindAddress({ demo: true, host: '0.0.0.0' })).toBe('0.0.0.0');
  });

  it('listens on every interface with a database of its own, or on HOST', () => {
    expect(bindAddress({ demo: false, host: undefined })).toBe('0.0.0.0');
    expect(bindAddress({ demo: false, host: ' 10.0.0.5 ' })).toBe('10.0.0.5');
  });

  it('says so at start', () => {
    expect(bindNotice({ demo: true, host: undefined, port: 3000 })).toMatch(/127\.0\.0\.1:3000 only.*HOST=0\.0\.0\.0/);
    expect(bindNotice({ demo: true, host: '0.0.0.0', port: 3000 })).toMatch(/0\.0\.0\.0:3000 \(HOST\).*demo password/);
    expect(bindNotice({ demo: false, host: undefined, port: 8080 })).toBe('Listening on 0.0.0.0:8080.');
  });
});
