import { createHash } from 'node:crypto';

/** SHA-256 of a text, in hex: recognises the same file imported twice, and stale edits. */
export function checksumOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
