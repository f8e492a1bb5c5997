// Time-based one-time passwords (RFC 6238, as authenticator apps use them: SHA-1, 6 digits,
// 30 seconds), through otplib. A code is accepted within one step of the server's clock, and
// never twice: the step it matched is kept, and a code of that step or an earlier one is refused.
import { generateSecret, generateURI, verify } from 'otplib';

export const TOTP_ISSUER = 'Drug Policy Commitments Tracker';
const PERIOD = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

/** A code as people type it: spaces and dashes ignored. */
export function normalizeCode(code: string): string {
  return code.replace(/[\s-]/g, '');
}

/**
 * Whether `code` is valid at `now` for `secret`, and not of a step already used (`lastStep`).
 * Returns the step it matched, to be kept as the new `lastStep`.
 */
export async function checkTotp(secret: string, code: string, now: Date, lastStep: number | null): Promise<{ valid: false } | { valid: true; step: number }> {
  const token = normalizeCode(code);
  if (!/^\d{6}$/.test(token)) return { valid: false };
  const epoch = Math.floor(now.getTime() / 1000);
  const result = await verify({ secret, token, epoch, epochTolerance: PERIOD, ...(lastStep !== null ? { afterTimeStep: lastStep } : {}) }).catch(() => ({ valid: false as const }));
  if (!result.valid) return { valid: false };
  return { valid: true, step: Math.floor(epoch / PERIOD) + result.delta };
}
