// What the report, review and evidence forms send. Messages are keys of the "validation"
// catalogue; the action wrapper says them in the reader's language.
import { z } from 'zod';
import { webUrlSchema } from '@/lib/evidence/schemas';
import { optionalCalendarDay } from '@/lib/cycles/schemas';

const id = z.string().min(1).max(40);
const version = z.coerce.number().int().min(0).max(1_000_000);

export const NARRATIVE_MAX = 10_000;
export const COMMENT_MAX = 5_000;

export const STATUS_VALUES = ['NOT_STARTED', 'IN_PROGRESS', 'SUBSTANTIALLY_IMPLEMENTED', 'FULLY_IMPLEMENTED', 'NOT_APPLICABLE'] as const;

export const saveReportSchema = z.strictObject({
  cycleId: id,
  entityId: id,
  commitmentId: id,
  /** The version the form was loaded at; 0 for a report not written yet. */
  version,
  status: z.union([z.enum(STATUS_VALUES, { error: 'validation.chooseOne' }), z.literal('')]).optional()
    .transform((value) => (value ? value : null)),
  // Line endings as the browser sends them (\r\n) count once, as people see them.
  narrative: z.string().optional().transform((value) => (value ?? '').replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().max(NARRATIVE_MAX, 'validation.narrativeTooLong')),
  asOf: optionalCalendarDay,
  intent: z.enum(['save', 'submit'], { error: 'validation.chooseOne' }),
});

export type SaveReportInput = z.infer<typeof saveReportSchema>;

export const withdrawReportSchema = z.strictObject({ reportId: id, version });

export const markReadySchema = z.strictObject({ reportId: id, version });

export const reviewReportSchema = z.strictObject({
  reportId: id,
  version,
  decision: z.enum(['accept', 'return'], { error: 'validation.chooseOne' }),
  comment: z.string().optional().transform((value) => (value ?? '').replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().max(COMMENT_MAX, 'validation.tooLong')),
}).superRefine((input, context) => {
  if (input.decision === 'return' && !input.comment) context.addIssue({ code: 'custom', path: ['comment'], message: 'validation.commentRequired' });
});

/** Several rows of the review queue accepted at once: "reportId:version" for each. */
export const acceptManySchema = z.strictObject({
  reports: z.union([z.string(), z.array(z.string())]).transform((value) => (Array.isArray(value) ? value : [value]))
    .pipe(z.array(z.string().regex(/^[A-Za-z0-9_-]{1,40}:\d{1,7}$/, 'validation.invalid')).min(1, 'validation.chooseSome').max(500, 'validation.tooMany'))
    .transform((items) => items.map((item) => {
      const [reportId, version] = item.split(':');
      return { reportId: reportId!, version: Number(version) };
    })),
});

const note = z.string().trim().max(2000, 'validation.tooLong').optional().transform((value) => value ?? '');

export const linkReportParagraphSchema = z.strictObject({ reportId: id, paragraphId: id, note });

export const linkReportUrlSchema = z.strictObject({
  reportId: id,
  url: webUrlSchema,
  title: z.string().trim().min(1, 'validation.required').max(300, 'validation.tooLong'),
  note,
});

export const linkReportFileSchema = z.strictObject({
  reportId: id,
  file: z.instanceof(File, { error: 'validation.required' }).refine((file) => file.name !== '' || file.size > 0, 'validation.required'),
  note,
});

export const removeReportEvidenceSchema = z.strictObject({ reportId: id, evidenceId: id });

export const searchParagraphsSchema = z.strictObject({
  reportId: id,
  q: z.string().trim().min(2, 'validation.searchTooShort').max(200, 'validation.tooLong'),
});
