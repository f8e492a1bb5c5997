import { z } from 'zod';

const date = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'validation.date');

/** A cycle's code: short, as people say it ("2027", "2027-special"). */
export const cycleCodeSchema = z.string().trim().min(1, 'validation.required').max(40, 'validation.tooLong')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'validation.cycleCode');

export const createCycleSchema = z.strictObject({
  code: cycleCodeSchema,
  nameEn: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  nameZh: z.string().trim().max(200, 'validation.tooLong').default(''),
  periodStart: date,
  periodEnd: date,
  opensOn: date,
  deadline: date,
  /** Instrument codes the cycle covers; none chosen means all. */
  instruments: z.union([z.string(), z.array(z.string())]).optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]).map((code) => code.trim()).filter(Boolean)),
}).superRefine((input, context) => {
  if (input.periodEnd < input.periodStart) context.addIssue({ code: 'custom', path: ['periodEnd'], message: 'validation.periodOrder' });
  if (input.deadline < input.opensOn) context.addIssue({ code: 'custom', path: ['deadline'], message: 'validation.deadlineOrder' });
});

export type CreateCycleInput = z.infer<typeof createCycleSchema>;

export const cycleStateChangeSchema = z.strictObject({
  code: cycleCodeSchema,
  /** Required to reopen a closed cycle. */
  reason: z.string().trim().max(1000, 'validation.tooLong').default(''),
});
