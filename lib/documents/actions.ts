'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/lib/db';
import { can } from '@/lib/auth/permissions';
import { formAction } from '@/lib/action-state';
import { confirmStagedDocument, stageDocumentImport } from './staged-import';

const MAX_CHARS = 20 * 1024 * 1024;

const previewSchema = z.strictObject({
  symbol: z.string().trim().min(1, 'validation.required').max(60, 'validation.tooLong').regex(/^[A-Za-z0-9][A-Za-z0-9./\-() ]*$/, 'validation.invalid'),
  language: z.enum(['ar', 'en', 'es', 'fr', 'ru', 'zh'], { error: 'validation.chooseOne' }),
  publishedOn: z.union([z.literal(''), z.iso.date('validation.invalid')]).optional(),
  sourceName: z.string().trim().max(200).optional().transform((value) => value || 'pasted text'),
  // Characters, not bytes: the parser measures the 20 MB in bytes and says so in words.
  text: z.string().max(MAX_CHARS, 'validation.tooLong'),
});

export const previewDocumentImportAction = formAction(
  previewSchema,
  (user) => can(user, 'document.import'),
  (input, user) =>
    stageDocumentImport(db, user.id, {
      ...input,
      publishedOn: input.publishedOn ? new Date(`${input.publishedOn}T00:00:00Z`) : null,
    }),
);

export const confirmDocumentImportAction = formAction(
  z.strictObject({ stagedId: z.string().min(1).max(40) }),
  (user) => can(user, 'document.import'),
  async (input, user) => {
    const result = await confirmStagedDocument(db, { id: user.id, email: user.email }, input.stagedId);
    revalidatePath('/', 'layout');
    return result;
  },
);
