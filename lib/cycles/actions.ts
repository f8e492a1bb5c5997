'use server';

import { revalidatePath } from 'next/cache';
import { requestOutboxDelivery } from '@/lib/jobs/queue';
import { db } from '@/lib/db';
import { can } from '@/lib/auth/permissions';
import { formAction } from '@/lib/action-state';
import { changeCycleState, createCycle } from './mutations';
import { createCycleSchema, cycleStateChangeSchema } from './schemas';

const mayManage = (user: Parameters<typeof can>[0]) => can(user, 'cycle.manage');

async function refresh() {
  revalidatePath('/', 'layout');
  await requestOutboxDelivery();
}

export const createCycleAction = formAction(createCycleSchema, mayManage, async (input, user) => {
  const cycle = await createCycle(db, user, input);
  await refresh();
  return { code: cycle.code };
});

export const openCycleAction = formAction(cycleStateChangeSchema, mayManage, async (input, user) => {
  const result = await changeCycleState(db, user, 'open', input);
  await refresh();
  return result;
});

export const closeCycleAction = formAction(cycleStateChangeSchema, mayManage, async (input, user) => {
  const result = await changeCycleState(db, user, 'close', input);
  await refresh();
  return result;
});

export const reopenCycleAction = formAction(cycleStateChangeSchema, mayManage, async (input, user) => {
  const result = await changeCycleState(db, user, 'reopen', input);
  await refresh();
  return result;
});
