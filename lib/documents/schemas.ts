// What the document import form sends. Messages are keys of the "validation" catalogue; the
// action wrapper says them in the reader's language.
import { z } from 'zod';
import { optionalCalendarDay } from '@/lib/cycles/schemas';
import { UN_LANGUAGES } from '@/lib/i18n/routing';

const MAX_CHARS = 20 * 1024 * 1024;

export const previewDocumentSchema = z.strictObject({
  symbol: z.string().trim().min(1, 'validation.required').max(60, 'validation.tooLong').regex(/^[A-Za-z0-9][A-Za-z0-9./\-() ]*$/, 'validation.invalid'),
  language: z.enum(UN_LANGUAGES, { error: 'validation.chooseOne' }),
  publishedOn: optionalCalendarDay,
  sourceName: z.string().trim().max(200).optional().transform((value) => value || 'pasted text'),
  // Characters, not bytes: the parser measures the 20 MB in bytes and says so in words.
  text: z.string().max(MAX_CHARS, 'validation.tooLong'),
});
