import { z } from 'zod';
import { Role } from '@/lib/generated/prisma/enums';
import { normalizeEmail } from '@/lib/auth/email';
import { locales } from '@/lib/i18n/routing';

export const newUserSchema = z
  .object({
    // Addresses are stored trimmed and lower-cased, as sign-in looks them up.
    email: z.string().max(320).transform(normalizeEmail).pipe(z.email({ error: 'Enter a valid e-mail address.' })),
    name: z.string().trim().min(1, 'Enter a name.').max(200),
    role: z.enum(Role, { error: 'The role must be one of ADMIN, SECRETARIAT, FOCAL_POINT, CONTRIBUTOR, VIEWER.' }),
    entityCode: z.string().trim().toUpperCase().optional(),
    password: z.string().min(10, 'The password must have at least 10 characters.').max(1024),
  })
  .strict()
  .refine((user) => (user.role === 'FOCAL_POINT' || user.role === 'CONTRIBUTOR') === Boolean(user.entityCode), {
    error: 'A focal point or contributor needs a reporting entity (--entity CODE), and only they have one.',
    path: ['entityCode'],
  });

export type NewUser = z.input<typeof newUserSchema>;

// What the users page sends. Messages are keys of the "validation" catalogue.

const id = z.string().min(1).max(40);

/** Every role, in the order forms offer them. */
export const ROLES: readonly Role[] = ['ADMIN', 'SECRETARIAT', 'FOCAL_POINT', 'CONTRIBUTOR', 'VIEWER'];

/** Roles whose accounts belong to a reporting entity. */
export const ENTITY_ROLES: readonly Role[] = ['FOCAL_POINT', 'CONTRIBUTOR'];

/** A role, and the entity it needs: required for focal points and contributors, dropped for the others. */
const roleAndEntity = {
  role: z.enum(Role, { error: 'validation.chooseOne' }),
  entityId: z.union([id, z.literal('')]).optional(),
};

function withEntity<T extends { role: Role; entityId?: string }>(input: T, context: z.core.$RefinementCtx<T>) {
  if (ENTITY_ROLES.includes(input.role) && !input.entityId) {
    context.addIssue({ code: 'custom', message: 'validation.entityRequired', path: ['entityId'] });
  }
}

const entityOfRole = <T extends { role: Role; entityId?: string }>({ entityId, ...input }: T): Omit<T, 'entityId'> & { entityId: string | null } =>
  ({ ...input, entityId: ENTITY_ROLES.includes(input.role) ? entityId ?? null : null });

export const inviteUserSchema = z.strictObject({
  email: z.string().max(320).transform(normalizeEmail).pipe(z.email({ error: 'validation.email' })),
  name: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  ...roleAndEntity,
  /** The language of the invitation e-mail and of the account. */
  locale: z.enum(locales, { error: 'validation.chooseOne' }),
}).superRefine(withEntity).transform(entityOfRole);

export type InviteUserInput = z.output<typeof inviteUserSchema>;

export const changeRoleSchema = z.strictObject({ userId: id, ...roleAndEntity }).superRefine(withEntity).transform(entityOfRole);

export type ChangeRoleInput = z.output<typeof changeRoleSchema>;

export const USER_SETTINGS = ['disable', 'enable', 'reinvite'] as const;
export type UserSetting = (typeof USER_SETTINGS)[number];

export const userSettingSchema = z.strictObject({
  userId: id,
  setting: z.enum(USER_SETTINGS, { error: 'validation.chooseOne' }),
});

export type UserSettingInput = z.infer<typeof userSettingSchema>;

/** The users page's filters (from its address: anything unknown is ignored). */
export const USER_STATES = ['active', 'invited', 'expired', 'disabled'] as const;
export type UserState = (typeof USER_STATES)[number];

export const userFilterSchema = z.object({
  state: z.enum(USER_STATES).optional().catch(undefined),
  role: z.enum(Role).optional().catch(undefined),
  /** The disabled demo accounts of the demo's story are hidden unless asked for. */
  demo: z.literal('1').optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});

export type UserFilter = z.infer<typeof userFilterSchema>;

/** The language a signed-in person chose for themselves (the language switch). */
export const myLanguageSchema = z.strictObject({ locale: z.enum(locales, { error: 'validation.chooseOne' }) });

export type MyLanguageInput = z.output<typeof myLanguageSchema>;
