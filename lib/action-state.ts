// The one server-action wrapper and its typed state (ARCHITECTURE.md, request flow): parse the
// form with a strict schema, get the user, check the permission, run the mutation. Expected
// failures come back as a message in the reader's language with every field error; anything
// unexpected is logged and shown as a generic message. Next's own control flow (redirect(),
// notFound()) passes through untouched.
//
// `authorize` runs before the handler and may load the resource from the database to decide
// (a status report's entity and state); mutations check again inside their transaction.
import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { getTranslations } from 'next-intl/server';
import { getEnrollingUser, getOptionalUser, type SessionUser } from '@/lib/auth/session';
import { isDomainError } from '@/lib/errors';
import { isKeyOf } from '@/lib/i18n/message-keys';
import { log } from '@/lib/log';
import en from '@/messages/en.json';

export type ActionState<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors: Record<string, string[]>; details?: Record<string, unknown> }
  | null;

type Handler<S extends z.ZodType, T> = (input: z.infer<S>, user: SessionUser) => Promise<T>;

/** Builds a server action: `(previousState, formData) => ActionState`, for useActionState. */
export function formAction<S extends z.ZodType, T>(
  schema: S,
  authorize: (user: SessionUser, input: z.infer<S>) => boolean | Promise<boolean>,
  handler: Handler<S, T>,
  /** For setting up two-step sign-in: also open to someone whose role requires it and who has not yet. */
  options: { duringMfaEnrolment?: boolean } = {},
) {
  return async (_previous: ActionState<T>, formData: FormData): Promise<ActionState<T>> => {
    const t = await getTranslations('actions');
    const user = options.duringMfaEnrolment ? await getEnrollingUser() : await getOptionalUser();
    if (!user) return { ok: false, message: t('signedOut'), fieldErrors: {} };
    return run(schema, formData, async (input) => {
      if (!(await authorize(user, input))) return { ok: false, message: t('forbidden'), fieldErrors: {} };
      return { ok: true, data: await handler(input, user) };
    });
  };
}

/**
 * A server action for someone who is not signed in (accepting an invitation): the same parsing and
 * error handling; the handler itself proves the right to act (a token).
 */
export function publicFormAction<S extends z.ZodType, T>(schema: S, handler: (input: z.infer<S>) => Promise<T>) {
  return async (_previous: ActionState<T>, formData: FormData): Promise<ActionState<T>> =>
    run(schema, formData, async (input) => ({ ok: true, data: await handler(input) }));
}

async function run<S extends z.ZodType, T>(
  schema: S, formData: FormData, act: (input: z.infer<S>) => Promise<ActionState<T>>,
): Promise<ActionState<T>> {
  const t = await getTranslations('actions');
  const fields = formDataToObject(formData);
  // PostgreSQL stores no NUL character in text: a field holding one is refused here, in words.
  const withNul = Object.entries(fields).filter(([, value]) => [value].flat().some((item) => typeof item === 'string' && item.includes('\u0000')));
  if (withNul.length > 0) {
    const tValidation = await getTranslations('validation');
    return { ok: false, message: t('invalid'), fieldErrors: Object.fromEntries(withNul.map(([field]) => [field, [tValidation('nulCharacter')]])) };
  }
  const parsed = schema.safeParse(fields);
  if (!parsed.success) {
    const tValidation = await getTranslations('validation');
    // Schemas name their messages by key ("validation.required"), said here in the reader's language;
    // a text over its limit says the limit and its own length, so that nothing is cut unseen.
    const translate = (issue: z.core.$ZodIssue, field: string) => {
      if (!issue.message.startsWith('validation.')) return tValidation('invalid');
      const key = issue.message.slice('validation.'.length);
      if (key === 'tooLong' && issue.code === 'too_big') {
        const value = fields[field];
        const max = Number(issue.maximum);
        const count = typeof value === 'string' ? value.trim().length : max + 1;
        return tValidation('tooLongBy', { max, count, over: Math.max(1, count - max) });
      }
      // Every catalogue has English's keys (tests/unit/messages.test.ts); an unknown one is a schema's slip.
      return isKeyOf(en.validation, key) ? tValidation(key) : tValidation('invalid');
    };
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path.length > 0 ? String(issue.path[0]) : null;
      if (field !== null) (fieldErrors[field] ??= []).push(translate(issue, field));
    }
    return { ok: false, message: t('invalid'), fieldErrors };
  }
  try {
    return await act(parsed.data);
  } catch (error) {
    unstable_rethrow(error);
    if (isDomainError(error)) {
      const tErrors = await getTranslations('errors');
      const message = tErrors(error.key, error.values);
      return { ok: false, message, fieldErrors: {}, ...(error.details ? { details: error.details } : {}) };
    }
    log.error({ err: error }, 'Unexpected error in a server action');
    return { ok: false, message: t('unexpected'), fieldErrors: {} };
  }
}

/** Form fields as a plain object; a field given several times becomes an array. */
function formDataToObject(formData: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION')) continue;
    const previous = object[key];
    object[key] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return object;
}
