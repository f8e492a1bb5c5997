import { readFile, stat } from 'node:fs/promises';
import { DomainError, type ErrorKey } from '@/lib/errors';
import { UsageError } from './types';

/** Reads a text file to import, refusing what cannot be one before reading it all. */
export async function readTextFile(path: string | undefined, limit: { maxBytes: number; tooLarge: ErrorKey; binary: ErrorKey }): Promise<string> {
  if (!path) throw new UsageError('Give the file to read.');
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new UsageError(`No file at ${path}.`);
  if (info.size > limit.maxBytes) throw new DomainError(limit.tooLarge);
  const text = await readFile(path, 'utf8');
  if (text.includes('\u0000')) throw new DomainError(limit.binary);
  return text;
}
