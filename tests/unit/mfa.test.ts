import { describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { checkTotp, newTotpSecret, totpUri } from '@/lib/mfa/totp';
import { openSecret, sealSecret } from '@/lib/mfa/secret-box';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes, RECOVERY_CODE_COUNT } from '@/lib/mfa/recovery-codes';

const at = (iso: string) => new Date(iso);
const epochOf = (date: Date) => Math.floor(date.getTime() / 1000);

describe('TOTP', () => {
  it('accepts the code of now and of the neighbouring steps, and nothing else', async () => {
    const secret = newTotpSecret();
    const now = at('2026-06-01T12:00:15Z');
    const code = await generate({ secret, epoch: epochOf(now) });
    expect(await checkTotp(secret, code, now, null)).toMatchObject({ valid: true });
    expect(await checkTotp(secret, ` ${code.slice(0, 3)} ${code.slice(3)} `, now, null)).toMatchObject({ valid: true });
    expect((await checkTotp(secret, code, new Date(now.getTime() + 30_000), null)).valid).toBe(true);
    expect((await checkTotp(secret, code, new Date(now.getTime() + 5 * 60_000), null)).valid).toBe(false);
    expect((await checkTotp(secret, '12345', now, null)).valid).toBe(false);
    expect((await checkTotp(newTotpSecret(), code, now, null)).valid).toBe(false);
  });

  it('never accepts a code twice: not of the step it matched, nor an earlier one', async () => {
    const secret = newTotpSecret();
    const now = at('2026-06-01T12:00:15Z');
    const code = await generate({ secret, epoch: epochOf(now) });
    const first = await checkTotp(secret, code, now, null);
    expect(first.valid).toBe(true);
    const step = (first as { step: number }).step;
    expect(step).toBe(Math.floor(epochOf(now) / 30));
    expect((await checkTotp(secret, code, now, step)).valid).toBe(false);
    const next = await generate({ secret, epoch: epochOf(now) + 30 });
    expect(await checkTotp(secret, next, new Date(now.getTime() + 30_000), step)).toMatchObject({ valid: true, step: step + 1 });
  });

  it('names the issuer and the account in the QR code address', () => {
    const uri = totpUri('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 'focal@example.test');
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(decodeURIComponent(uri)).toContain('Drug Policy Commitments Tracker');
    expect(decodeURIComponent(uri)).toContain('focal@example.test');
  });
});

describe('secrets sealed at rest', () => {
  it('opens with the key it was sealed with, and with no other; an altered box opens to nothing', () => {
    const box = sealSecret('GEZDGNBVGY3TQOJQ', 'a key of at least thirty-two bytes!!');
    expect(box).not.toContain('GEZDGNBVGY3TQOJQ');
    expect(openSecret(box, 'a key of at least thirty-two bytes!!')).toBe('GEZDGNBVGY3TQOJQ');
    expect(openSecret(box, 'another key of thirty-two bytes!!!!')).toBeNull();
    const parts = box.split('.');
    parts[3] = `${parts[3]!.slice(0, -2)}AA`;
    expect(openSecret(parts.join('.'), 'a key of at least thirty-two bytes!!')).toBeNull();
    expect(openSecret('garbage', 'a key of at least thirty-two bytes!!')).toBeNull();
    expect(sealSecret('same', 'k'.repeat(32))).not.toBe(sealSecret('same', 'k'.repeat(32)));
  });
});

describe('recovery codes', () => {
  it('are ten different codes, stored only as hashes that ignore case and dashes', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
      expect(looksLikeRecoveryCode(code.toLowerCase())).toBe(true);
      expect(hashRecoveryCode(code.toLowerCase().replace('-', ' '))).toBe(hashRecoveryCode(code));
    }
    expect(looksLikeRecoveryCode('123456')).toBe(false);
  });
});
