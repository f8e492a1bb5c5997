// The two steps of an instrument import from the screen: stage (parse, preview, keep the text on
// the server) and confirm (import what was previewed, with the areas the person chose).
import type { Db } from '@/lib/db/client';
import { DomainError } from '@/lib/errors';
import { InstrumentParseError } from '@/lib/import/instrument-parser';
import { stageText, withStagedText } from '@/lib/staging/staged-text';
import { importInstrument, previewInstrumentImport, type ImportPreview, type ImportProgress, type ImportResult } from './import-instrument';

export type StageInput = { instrumentCode: string; language: string; sourceName: string; text: string };

/** Parse errors become domain errors: they are the person's to fix, in their language. */
async function withParseErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InstrumentParseError) throw new DomainError(`import.${error.messageKey}`, error.values);
    throw error;
  }
}

export async function stageInstrumentImport(db: Db, userId: string, input: StageInput): Promise<{ stagedId: string; preview: ImportPreview }> {
  const preview = await withParseErrors(() => previewInstrumentImport(db, input));
  const stagedId = await stageText(db, 'instrument', userId, {
    target: input.instrumentCode, language: input.language, sourceName: input.sourceName, text: input.text,
  });
  return { stagedId, preview };
}

export async function confirmStagedImport(
  db: Db,
  userId: string,
  stagedId: string,
  areas: Record<string, string>,
  onProgress?: ImportProgress,
): Promise<ImportResult & { instrumentCode: string }> {
  return withStagedText(db, 'instrument', userId, stagedId, async (staged) => {
    const input = { text: staged.text, instrumentCode: staged.target, language: staged.language, sourceName: staged.sourceName, areas };
    const result = await withParseErrors(() => importInstrument(db, userId, input, onProgress));
    return { ...result, instrumentCode: staged.target };
  });
}
