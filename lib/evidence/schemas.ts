// What the evidence forms send. Messages are keys of the "validation" catalogue; the action
// wrapper says them in the reader's language.
import { z } from 'zod';
import { parseParagraphReference } from './paragraph-reference';

const id = z.string().min(1).max(40);

const note = z.string().trim().max(2000, 'validation.tooLong').optional().transform((value) => value ?? '');

/** A comment for the person whose evidence is declined, or a reason for a request; optional. */
const comment = z.string().trim().max(2000, 'validation.tooLong').optional().transform((value) => value ?? '');

// Each refusal of a typed paragraph says what to type instead.
const REFERENCE_MESSAGES = {
  missingSymbol: 'validation.paragraphMissingSymbol',
  missingNumber: 'validation.paragraphMissingNumber',
  badNumber: 'validation.paragraphBadNumber',
  range: 'validation.paragraphRange',
  conflict: 'validation.paragraphConflict',
} as const;

export const linkParagraphSchema = z
  .strictObject({
    commitmentId: id,
    symbol: z.string().trim().min(1, 'validation.paragraphMissingSymbol').max(120, 'validation.tooLong'),
    number: z.string().trim().max(20, 'validation.paragraphBadNumber').optional(),
    note,
  })
  .transform((input, context) => {
    const parsed = parseParagraphReference(input.symbol, input.number);
    if (!parsed.ok) {
      context.addIssue({ code: 'custom', path: [parsed.field], message: REFERENCE_MESSAGES[parsed.problem] });
      return z.NEVER;
    }
    return { commitmentId: input.commitmentId, ...parsed.reference, note: input.note };
  });

/** A paragraph linked from its own page (the reader's "Link to a commitment"). */
export const linkParagraphToCommitmentSchema = z.strictObject({ commitmentId: id, paragraphId: id, note });

/** Words or a reference, to find the commitment a paragraph is evidence of. */
export const searchCommitmentsSchema = z.strictObject({
  paragraphId: id,
  q: z.string().trim().min(2, 'validation.searchTooShort').max(200, 'validation.tooLong'),
});

/** Whether the address carries a user name or password (https://user:secret@host/): never stored or shown. */
export function hasCredentials(value: string): boolean {
  try {
    const url = new URL(value);
    return url.username !== '' || url.password !== '';
  } catch {
    return false;
  }
}

/**
 * Only web pages: http and https, with a host, and without a user name or password (a secret
 * shown to every reader, or a disguise: https://www.un.org@evil.example/ goes to evil.example).
 */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0 && !hasCredentials(value);
  } catch {
    return false;
  }
}

/** A web page's address as a form sends it (commitment and report evidence). */
export const webUrlSchema = z.string().trim().min(1, 'validation.required').max(2000, 'validation.tooLong')
  .refine((value) => !hasCredentials(value), { message: 'validation.urlCredentials', abort: true })
  .refine(isWebUrl, 'validation.invalid');

export const linkUrlSchema = z.strictObject({
  commitmentId: id,
  url: webUrlSchema,
  title: z.string().trim().min(1, 'validation.required').max(300, 'validation.tooLong'),
  note,
});

export const linkFileSchema = z.strictObject({
  commitmentId: id,
  // A form submitted without choosing a file sends an empty, nameless file.
  file: z.instanceof(File, { error: 'validation.required' }).refine((file) => file.name !== '' || file.size > 0, 'validation.required'),
  note,
});

export const removeEvidenceSchema = z.strictObject({ evidenceId: id });

/** Undoing a removal (or the secretariat restoring removed evidence from the history). */
export const restoreEvidenceSchema = z.strictObject({ evidenceId: id });

/** A focal point asks the secretariat to remove evidence it accepted. */
export const requestEvidenceRemovalSchema = z.strictObject({ evidenceId: id, reason: comment });

export const decideRemovalRequestSchema = z.strictObject({
  evidenceId: id,
  decision: z.enum(['remove', 'keep'], { error: 'validation.chooseOne' }),
  comment,
});

export const suggestEvidenceSchema = z.strictObject({ commitmentId: id });

export const decideSuggestionSchema = z.strictObject({
  evidenceId: id,
  decision: z.enum(['accept', 'reject'], { error: 'validation.chooseOne' }),
  comment,
});
