'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/lib/db';
import { can } from '@/lib/auth/permissions';
import { formAction } from '@/lib/action-state';
import { editCommitmentText, relateCommitments, unrelateCommitments } from './mutations';
import { stageInstrumentImport } from './staged-import';
import { UN_LANGUAGES } from '@/lib/i18n/routing';

const id = z.string().min(1).max(40);

const editTextSchema = z.strictObject({
  commitmentId: id,
  locale: z.enum(UN_LANGUAGES, { error: 'validation.chooseOne' }),
  text: z.string().trim().min(1, 'validation.required').max(20_000, 'validation.tooLong'),
  baseChecksum: z.string().length(64),
});

export const editCommitmentTextAction = formAction(
  editTextSchema,
  (user) => can(user, 'catalogue.edit'),
  async (input, user) => {
    const result = await editCommitmentText(db, { id: user.id, email: user.email }, input);
    revalidatePath('/', 'layout');
    return result;
  },
);

const relateSchema = z.strictObject({
  commitmentId: id,
  instrumentCode: z.string().trim().min(1, 'validation.required').max(40),
  reference: z.string().trim().min(1, 'validation.required').max(40),
});

export const relateCommitmentsAction = formAction(
  relateSchema,
  (user) => can(user, 'catalogue.edit'),
  async (input, user) => {
    await relateCommitments(db, user.id, input.commitmentId, { instrumentCode: input.instrumentCode, reference: input.reference });
    revalidatePath('/', 'layout');
    return undefined;
  },
);

const unrelateSchema = z.strictObject({ commitmentId: id, otherId: id });

export const unrelateCommitmentsAction = formAction(
  unrelateSchema,
  (user) => can(user, 'catalogue.edit'),
  async (input, user) => {
    await unrelateCommitments(db, user.id, input.commitmentId, input.otherId);
    revalidatePath('/', 'layout');
    return undefined;
  },
);

const MAX_IMPORT_CHARS = 5 * 1024 * 1024;

const previewSchema = z.strictObject({
  instrumentCode: z.string().trim().min(1, 'validation.chooseOne').max(40),
  language: z.enum(UN_LANGUAGES, { error: 'validation.chooseOne' }),
  sourceName: z.string().trim().max(200).optional().transform((value) => value || 'pasted text'),
  // Characters, not bytes: the parser checks the 5 MB in bytes and says so in words.
  text: z.string().max(MAX_IMPORT_CHARS * 2, 'validation.tooLong'),
});

export const previewInstrumentImportAction = formAction(
  previewSchema,
  (user) => can(user, 'catalogue.import'),
  (input, user) => stageInstrumentImport(db, user.id, input),
);
