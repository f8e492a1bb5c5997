'use server';

// Thin server actions of the team: each authorizes on the entity as stored, and the mutation
// checks again inside its transaction. E-mails written by a mutation are sent after it commits.
import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';
import { can } from '@/lib/auth/permissions';
import { formAction, publicFormAction } from '@/lib/action-state';
import { requestOutboxDelivery } from '@/lib/jobs/queue';
import { acceptInvitation, assignCommitments, changeContributor, inviteContributor } from './mutations';
import { acceptInvitationSchema, assignCommitmentsSchema, contributorSettingSchema, inviteContributorSchema } from './schemas';

async function done<T>(result: T): Promise<T> {
  revalidatePath('/', 'layout');
  await requestOutboxDelivery();
  return result;
}

export const inviteContributorAction = formAction(
  inviteContributorSchema,
  (user, input) => can(user, 'team.manage', { entityId: input.entityId }),
  async (input, user) => done(await inviteContributor(db, user, input)),
);

export const changeContributorAction = formAction(
  contributorSettingSchema,
  async (user, input) => {
    const target = await db.user.findUnique({ where: { id: input.userId }, select: { entityId: true } });
    return Boolean(target?.entityId) && can(user, 'team.manage', { entityId: target!.entityId });
  },
  async (input, user) => done(await changeContributor(db, user, input)),
);

export const assignCommitmentsAction = formAction(
  assignCommitmentsSchema,
  (user, input) => can(user, 'team.manage', { entityId: input.entityId }),
  async (input, user) => done(await assignCommitments(db, user, input)),
);

export const acceptInvitationAction = publicFormAction(acceptInvitationSchema, async (input) => acceptInvitation(db, input));
