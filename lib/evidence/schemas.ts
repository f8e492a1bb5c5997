// What the evidence forms send. Messages are keys of the "validation" catalogue; the action
// wrapper says them in the reader's language.
import { z } from 'zod';

const id = z.string().min(1).max(40);

const note = z.string().trim().max(2000, 'validation.tooLong').optional().transform((value) => value ?? '');

/**
 * A paragraph as people type it: the symbol and the number in two fields, or a whole citation
 * pasted into the symbol field ("A/74/129, para. 25", "A/74/129，第25段").
 */
export function parseParagraphReference(symbolField: string, numberField?: string): { symbol: string; number: number } | null {
  const symbol = symbolField.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const typed = numberField?.normalize('NFKC').trim();
  if (typed) {
    if (!/^\d{1,5}$/.test(typed) || !symbol) return null;
    const number = Number(typed);
    return number > 0 ? { symbol, number } : null;
  }
  // NFKC has already turned the full-width comma into ",".
  const citation = /^(.+?)\s*,?\s*(?:paras?\.?|paragraphs?|第)\s*(\d{1,5})\s*段?$/i.exec(symbol);
  if (!citation) return null;
  const number = Number(citation[2]);
  return number > 0 ? { symbol: citation[1]!.trim(), number } : null;
}

export const linkParagraphSchema = z
  .strictObject({
    commitmentId: id,
    symbol: z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong'),
    number: z.string().trim().max(10, 'validation.invalid').optional(),
    note,
  })
  .transform((input, context) => {
    const reference = parseParagraphReference(input.symbol, input.number);
    if (!reference) {
      context.addIssue({ code: 'custom', path: ['number'], message: input.number ? 'validation.invalid' : 'validation.required' });
      return z.NEVER;
    }
    return { commitmentId: input.commitmentId, ...reference, note: input.note };
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

export const suggestEvidenceSchema = z.strictObject({ commitmentId: id });

export const decideSuggestionSchema = z.strictObject({
  evidenceId: id,
  decision: z.enum(['accept', 'reject'], { error: 'validation.chooseOne' }),
});
