'use server';

// A person's own notifications: the signed-in user is the only resource, so every user may.
import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db';
import { formAction } from '@/lib/action-state';
import { DomainError } from '@/lib/errors';
import { markAllNotificationsRead, openNotification } from './inbox-mutations';

const own = () => true;

export const openNotificationAction = formAction(z.strictObject({ id: z.string().min(1).max(40) }), own, async (input, user) => {
  const { found, href } = await openNotification(db, user.id, input.id);
  if (!found) throw new DomainError('notifications.unknown');
  revalidatePath('/', 'layout');
  redirect(`/${await getLocale()}${href ?? '/notifications'}`);
});

export const markAllNotificationsReadAction = formAction(z.strictObject({}), own, async (_input, user) => {
  const count = await markAllNotificationsRead(db, user.id);
  revalidatePath('/', 'layout');
  return { count };
});
