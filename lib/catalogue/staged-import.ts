// The two steps of an import from the screen: stage (parse, preview, keep the text on the
// server) and confirm (import what was previewed, with the areas the person chose).
import type { Db } from '@/lib/db/client';
import { DomainError } from '@/lib/errors';
import { InstrumentParseError } from '@/lib/import/instrument-parser';
import { checksumOf } from './checksum';
import { importInstrument, previewInstrumentImport, type ImportPreview, type ImportProgress, type ImportResult } from './import-instrument';

/** How long a preview may wait for its confirmation. */
const STAGED_LIFETIME_MS = 24 * 60 * 60 * 1000;

export type StageInput = { instrumentCode: string; language: string; sourceName: string; text: string };

/** Parse errors become domain errors: they are the person's to fix, in their language. */
async function withParseErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InstrumentParseError) throw new DomainError(`import.${error.code}`, { detail: error.message });
    throw error;
  }
}

export async function stageInstrumentImport(db: Db, userId: string, input: StageInput): Promise<{ stagedId: string; preview: ImportPreview }> {
  const preview = await withParseErrors(() => previewInstrumentImport(db, input));
  const staged = await db.$transaction(async (tx) => {
    await tx.stagedImport.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - STAGED_LIFETIME_MS) } } });
    return tx.stagedImport.create({
      data: { kind: 'instrument', createdById: userId, ...input, checksum: checksumOf(input.text) },
      select: { id: true },
    });
  });
  return { stagedId: staged.id, preview };
}

export async function confirmStagedImport(
  db: Db,
  userId: string,
  stagedId: string,
  areas: Record<string, string>,
  onProgress?: ImportProgress,
): Promise<ImportResult & { instrumentCode: string }> {
  const staged = await db.stagedImport.findFirst({
    where: { id: stagedId, createdById: userId, createdAt: { gte: new Date(Date.now() - STAGED_LIFETIME_MS) } },
  });
  if (!staged) throw new DomainError('importExpired');
  const result = await withParseErrors(() =>
    importInstrument(db, userId, { text: staged.text, instrumentCode: staged.instrumentCode, language: staged.language, sourceName: staged.sourceName, areas }, onProgress),
  );
  await db.stagedImport.deleteMany({ where: { id: staged.id } });
  return { ...result, instrumentCode: staged.instrumentCode };
}
