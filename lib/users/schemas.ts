import { z } from 'zod';
import { Role } from '@/lib/generated/prisma/enums';
import { normalizeEmail } from '@/lib/auth/email';

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
