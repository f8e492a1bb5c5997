'use server';

// Two-step sign-in for the signed-in person's own account: the account is the only resource,
// so everyone may act on their own; open also to those who must set it up before anything else.
import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';
import { formAction } from '@/lib/action-state';
import { confirmMfaEnrolment, disableMfa, renewRecoveryCodes, startMfaEnrolment } from './mutations';

const own = () => true;
const enrolling = { duringMfaEnrolment: true };
const codeSchema = z.strictObject({ code: z.string().trim().min(1, 'validation.required').max(40, 'validation.tooLong') });

export const startMfaEnrolmentAction = formAction(z.strictObject({}), own, async (_input, user) => {
  await startMfaEnrolment(db, user.id);
  revalidatePath('/', 'layout');
  return { started: true };
}, enrolling);

// The page is not refreshed: it would replace the recovery codes, shown only now, before they are kept.
export const confirmMfaEnrolmentAction = formAction(codeSchema, own, async (input, user) => confirmMfaEnrolment(db, user.id, input.code), enrolling);

export const renewRecoveryCodesAction = formAction(codeSchema, own, async (input, user) => renewRecoveryCodes(db, user.id, input.code));

export const disableMfaAction = formAction(codeSchema, own, async (input, user) => {
  await disableMfa(db, user.id, input.code);
  revalidatePath('/', 'layout');
  return { disabled: true };
});
