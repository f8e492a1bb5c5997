import { z } from 'zod';

/** The first and last day a date field accepts: anything outside is a typing slip (year 0000, 20266). */
export const FIRST_DAY = '1900-01-01';
export const LAST_DAY = '2200-12-31';

/**
 * What is wrong with a day as a date field sends it (YYYY-MM-DD), as a message key, or null: it
 * must exist in the calendar (not 2023-02-30) and fall between 1900 and 2200.
 */
export function dayProblem(value: string): 'validation.date' | 'validation.dateRange' | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'validation.date';
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return 'validation.date';
  return value < FIRST_DAY || value > LAST_DAY ? 'validation.dateRange' : null;
}

/** A required day (cycle dates). Every date field of the application goes through dayProblem. */
export const calendarDay = z.string().trim().superRefine((value, context) => {
  const problem = dayProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

/** A day that may be left empty (a report's "as of", a document's publication date): null when empty. */
export const optionalCalendarDay = z.string().trim().optional()
  .superRefine((value, context) => {
    const problem = value ? dayProblem(value) : null;
    if (problem) context.addIssue({ code: 'custom', message: problem });
  })
  .transform((value) => value || null);

const date = calendarDay;

/** A cycle's code: short, as people say it ("2027", "2027-special"). */
export const cycleCodeSchema = z.string().trim().min(1, 'validation.required').max(40, 'validation.tooLong')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'validation.cycleCode');

export const createCycleSchema = z.strictObject({
  code: cycleCodeSchema,
  nameEn: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  nameZh: z.string().trim().max(200, 'validation.tooLong').default(''),
  // The name in the other UN languages: optional, pages without one show the English name.
  nameFr: z.string().trim().max(200, 'validation.tooLong').optional(),
  nameRu: z.string().trim().max(200, 'validation.tooLong').optional(),
  nameEs: z.string().trim().max(200, 'validation.tooLong').optional(),
  nameAr: z.string().trim().max(200, 'validation.tooLong').optional(),
  periodStart: date,
  periodEnd: date,
  opensOn: date,
  deadline: date,
  /** Instrument codes the cycle covers; none chosen means all. */
  instruments: z.union([z.string(), z.array(z.string())]).optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]).map((code) => code.trim()).filter(Boolean)),
}).superRefine((input, context) => {
  // In order only once both days are days: a day already refused needs no second message.
  const inOrder = (first: string, last: string) => dayProblem(first) !== null || dayProblem(last) !== null || first <= last;
  if (!inOrder(input.periodStart, input.periodEnd)) context.addIssue({ code: 'custom', path: ['periodEnd'], message: 'validation.periodOrder' });
  if (!inOrder(input.opensOn, input.deadline)) context.addIssue({ code: 'custom', path: ['deadline'], message: 'validation.deadlineOrder' });
});

export type CreateCycleInput = z.infer<typeof createCycleSchema>;

export const cycleStateChangeSchema = z.strictObject({
  code: cycleCodeSchema,
  /** Required to reopen a closed cycle. */
  reason: z.string().trim().max(1000, 'validation.tooLong').default(''),
});
