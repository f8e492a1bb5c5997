// The session cookie as the application reads it on every request (lib/auth/session-token.ts):
// tokens next-auth wrote open a session; forged, damaged and expired ones do not, also after the
// same text was read once and kept.
import { expect, it } from 'vitest';
import { encode } from 'next-auth/jwt';
import { claimsOfToken, sessionCookieName } from '@/lib/auth/session-token';

const SECRET = 'a unit-test secret of at least thirty-two bytes';
const claims = { uid: 'user-1', sv: 3, sid: 'session-1', sat: 1_800_000_000 };

it('reads the claims of a token next-auth wrote, the same on every read', async () => {
  const token = await encode({ token: { ...claims, name: 'not a claim the application reads' }, secret: SECRET });
  expect(await claimsOfToken(token, SECRET)).toEqual(claims);
  expect(await claimsOfToken(token, SECRET)).toEqual(claims);
});

it('refuses a token written with another secret, or changed by one character', async () => {
  expect(await claimsOfToken(await encode({ token: claims, secret: 'another secret, also long enough to be used' }), SECRET)).toBeNull();
  const token = await encode({ token: claims, secret: SECRET });
  const middle = Math.floor(token.length / 2);
  const changed = `${token.slice(0, middle)}${token[middle] === 'A' ? 'B' : 'A'}${token.slice(middle + 1)}`;
  expect(await claimsOfToken(changed, SECRET)).toBeNull();
  expect(await claimsOfToken('not a token', SECRET)).toBeNull();
});

it('refuses a token once it has expired, though it was read and kept before', async () => {
  const token = await encode({ token: claims, secret: SECRET, maxAge: 60 });
  const now = Date.now();
  expect(await claimsOfToken(token, SECRET, now)).toEqual(claims);
  // jose's leeway of 15 seconds, as next-auth decodes: still good just after, over well after.
  expect(await claimsOfToken(token, SECRET, now + 70_000)).toEqual(claims);
  expect(await claimsOfToken(token, SECRET, now + 80_000)).toBeNull();
});

it('uses next-auth\'s cookie names', () => {
  expect(sessionCookieName(false)).toBe('next-auth.session-token');
  expect(sessionCookieName(true)).toBe('__Secure-next-auth.session-token');
});
