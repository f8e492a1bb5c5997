'use server';

// Thin server actions of the worklist upload: preview (the file is read, compared and kept on the
// server) and confirm (what was kept is saved as drafts). Both authorize on the signed-in person:
// one who may edit reports of their own entity; each row is checked again in the mutation.
import { revalidatePath } from 'next/cache';
import { getLocale, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { formAction, type ActionState } from '@/lib/action-state';
import { confirmWorklistUpload, previewWorklistUpload } from './mutations';
import { describeFileProblem, describePreview, describeRefusal, type PreviewView } from './preview-view';
import { mayUploadWorklist } from './queries';
import { confirmUploadSchema, previewUploadSchema } from './schemas';

/** An expected refusal, said in words: the form shows it as its error (on the field, if any). */
type Refusal = { refusal: { message: string; field?: string; details?: Record<string, unknown> } };

type Action<T> = (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

/** The wrapper's answer, with a refusal turned into the failed state the forms know. */
function withRefusals<T extends object>(action: Action<T | Refusal>): Action<T> {
  return async (previous, formData) => {
    const state = await action(previous as ActionState<T | Refusal>, formData);
    if (state?.ok && 'refusal' in state.data) {
      const { message, field, details } = state.data.refusal;
      return { ok: false, message, fieldErrors: field ? { [field]: [message] } : {}, ...(details ? { details } : {}) };
    }
    return state as ActionState<T>;
  };
}

export type PreviewResult = { preview: PreviewView };
export type ConfirmResult = { saved: number; refused: number };

export const previewWorklistUploadAction = withRefusals<PreviewResult>(formAction(
  previewUploadSchema,
  (user) => mayUploadWorklist(user),
  async (input, user): Promise<PreviewResult | Refusal> => {
    const locale = await getLocale();
    const outcome = await previewWorklistUpload(db, user, { name: input.file.name, bytes: new Uint8Array(await input.file.arrayBuffer()) }, locale);
    if (outcome.kind === 'file') return { refusal: { message: await describeFileProblem(outcome.problem, outcome.column), field: 'file' } };
    if (outcome.kind === 'refused') return { refusal: { message: await describeRefusal(outcome.refusal) } };
    return { preview: await describePreview(outcome.preview, locale) };
  },
));

export const confirmWorklistUploadAction = withRefusals<ConfirmResult>(formAction(
  confirmUploadSchema,
  (user) => mayUploadWorklist(user),
  async (input, user): Promise<ConfirmResult | Refusal> => {
    const locale = await getLocale();
    const t = await getTranslations('offline');
    const outcome = await confirmWorklistUpload(db, user, input.stagedId, locale);
    if (outcome.kind === 'expired') return { refusal: { message: t('refusals.expired') } };
    if (outcome.kind === 'refused') return { refusal: { message: await describeRefusal(outcome.refusal) } };
    if (outcome.kind === 'stale') {
      return { refusal: { message: t('refusals.changedSincePreview'), details: { preview: await describePreview(outcome.preview, locale) } } };
    }
    revalidatePath('/', 'layout');
    return { saved: outcome.saved, refused: outcome.refused };
  },
));
