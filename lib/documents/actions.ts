'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/lib/db';
import { can } from '@/lib/auth/permissions';
import { formAction } from '@/lib/action-state';
import { confirmStagedDocument, stageDocumentImport } from './staged-import';
import { previewDocumentSchema } from './schemas';

export const previewDocumentImportAction = formAction(
  previewDocumentSchema,
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
