'use server';

// Thin server actions of the users page: each checks user.manage, and the mutation checks again,
// inside its transaction, that the actor is still an active administrator. Invitation e-mails
// written by a mutation are sent after it commits.
import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';
import { can } from '@/lib/auth/permissions';
import { formAction } from '@/lib/action-state';
import { requestOutboxDelivery } from '@/lib/jobs/queue';
import { changeUser, changeUserRole, inviteUser } from './mutations';
import { changeRoleSchema, inviteUserSchema, userSettingSchema } from './schemas';

async function done<T>(result: T): Promise<T> {
  revalidatePath('/', 'layout');
  await requestOutboxDelivery();
  return result;
}

export const inviteUserAction = formAction(
  inviteUserSchema,
  (user) => can(user, 'user.manage'),
  async (input, user) => done(await inviteUser(db, user, input)),
);

export const changeUserAction = formAction(
  userSettingSchema,
  (user) => can(user, 'user.manage'),
  async (input, user) => done(await changeUser(db, user, input)),
);

export const changeUserRoleAction = formAction(
  changeRoleSchema,
  (user) => can(user, 'user.manage'),
  async (input, user) => done(await changeUserRole(db, user, input)),
);
