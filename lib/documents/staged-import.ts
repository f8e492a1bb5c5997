// The two steps of a document import from the screen: a dry run (parsed and previewed, the text
// kept on the server), then the import of exactly what was previewed.
import type { Db } from '@/lib/db/client';
import { stageText, withStagedText } from '@/lib/staging/staged-text';
import { importDocument, previewDocumentImport, type DocumentImportInput, type DocumentImportResult, type DocumentPreview } from './import-document';

export async function stageDocumentImport(db: Db, userId: string, input: DocumentImportInput): Promise<{ stagedId: string; preview: DocumentPreview }> {
  const preview = await previewDocumentImport(db, input);
  const stagedId = await stageText(db, 'document', userId, {
    target: preview.symbol, language: input.language, sourceName: input.sourceName, text: input.text,
    options: { publishedOn: input.publishedOn ? input.publishedOn.toISOString().slice(0, 10) : null },
  });
  return { stagedId, preview };
}

export async function confirmStagedDocument(db: Db, actor: { id: string; email: string }, stagedId: string): Promise<DocumentImportResult> {
  return withStagedText(db, 'document', actor.id, stagedId, (staged) => {
    const publishedOn = (staged.options as { publishedOn?: string | null } | null)?.publishedOn;
    return importDocument(db, actor, {
      text: staged.text, symbol: staged.target, language: staged.language, sourceName: staged.sourceName,
      publishedOn: publishedOn ? new Date(`${publishedOn}T00:00:00Z`) : undefined,
    });
  });
}
