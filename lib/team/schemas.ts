// What the team forms send: inviting a contributor, assigning commitments, sharing the worklist,
// accepting an invitation. Messages are keys of the "validation" catalogue.
import { z } from 'zod';
import { normalizeEmail } from '@/lib/auth/email';
import { locales } from '@/lib/i18n/routing';

const id = z.string().min(1).max(40);

export const inviteContributorSchema = z.strictObject({
  entityId: id,
  email: z.string().max(320).transform(normalizeEmail).pipe(z.email({ error: 'validation.email' })),
  name: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  /** The language of the invitation e-mail and of the account. */
  locale: z.enum(locales, { error: 'validation.chooseOne' }),
});

export type InviteContributorInput = z.infer<typeof inviteContributorSchema>;

const ids = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export const assignCommitmentsSchema = z.strictObject({
  entityId: id,
  cycleId: id,
  commitmentId: z.preprocess(ids, z.array(id).min(1, 'validation.chooseSome').max(500, 'validation.tooMany')),
  /** A contributor's id, or "" to withdraw the assignments. */
  assigneeId: z.union([id, z.literal('')]).transform((value) => value || null),
});

export type AssignCommitmentsInput = z.infer<typeof assignCommitmentsSchema>;

export const CONTRIBUTOR_SETTINGS = ['share', 'unshare', 'disable', 'enable', 'reinvite'] as const;
export type ContributorSetting = (typeof CONTRIBUTOR_SETTINGS)[number];

export const contributorSettingSchema = z.strictObject({
  userId: id,
  setting: z.enum(CONTRIBUTOR_SETTINGS, { error: 'validation.chooseOne' }),
});

export const acceptInvitationSchema = z.strictObject({
  token: z.string().min(20).max(100),
  name: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  password: z.string().min(10, 'validation.passwordTooShort').max(1024, 'validation.tooLong'),
  confirm: z.string().max(1024),
}).refine((input) => input.password === input.confirm, { error: 'validation.passwordsDiffer', path: ['confirm'] });
