'use server';

// The outbox's one action: send a FAILED e-mail again (administrators; audited in the mutation).
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/lib/db';
import { can } from '@/lib/auth/permissions';
import { formAction } from '@/lib/action-state';
import { requestOutboxDelivery } from '@/lib/jobs/queue';
import { requeueOutboxEmail } from './outbox';

const requeueSchema = z.strictObject({ id: z.string().trim().min(1).max(100) });

export const requeueOutboxEmailAction = formAction(requeueSchema, (user) => can(user, 'outbox.read'), async (input, user) => {
  const outcome = await requeueOutboxEmail(db, user, input.id);
  if (outcome === 'requeued') {
    revalidatePath('/', 'layout');
    await requestOutboxDelivery();
  }
  return { outcome };
});
