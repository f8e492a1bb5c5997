'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/lib/db';
import { can } from '@/lib/auth/permissions';
import { formAction } from '@/lib/action-state';
import { cycleCodeSchema } from '@/lib/cycles/schemas';
import { publishSummaries, unpublishSummaries } from './mutations';

const mayPublish = (user: Parameters<typeof can>[0]) => can(user, 'summary.publish');

export const publishSummariesAction = formAction(z.strictObject({ cycleCode: cycleCodeSchema }), mayPublish, async (input, user) => {
  const publication = await publishSummaries(db, user, input);
  revalidatePath('/', 'layout');
  return { version: publication.version };
});

export const unpublishSummariesAction = formAction(
  z.strictObject({ cycleCode: cycleCodeSchema, reason: z.string().trim().min(1, 'validation.required').max(1000, 'validation.tooLong') }),
  mayPublish,
  async (input, user) => {
    const record = await unpublishSummaries(db, user, input);
    revalidatePath('/', 'layout');
    return { version: record.version };
  },
);
