// Recovery codes: ten single-use codes shown once at enrolment, for the day the phone is lost.
// Random (50 bits each), so a plain SHA-256 is enough to keep them: only the hashes are stored.
import { createHash, randomInt } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const letters = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${letters.slice(0, 5)}-${letters.slice(5)}`;
  });
}

/** The stored form of a code, however it was typed (case, spaces and dashes ignored). */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.replace(/[\s-]/g, '').toUpperCase()).digest('hex');
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[A-Z2-9]{10}$/.test(code.replace(/[\s-]/g, '').toUpperCase());
}
