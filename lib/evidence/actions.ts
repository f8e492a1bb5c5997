'use server';

import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import { db } from '@/lib/db';
import { formAction } from '@/lib/action-state';
import type { SessionUser } from '@/lib/auth/session';
import { decideSuggestion, linkFile, linkParagraph, linkUrl, mayLinkEvidence, mayReviewEvidence, removeEvidence, suggestEvidence } from './mutations';
import {
  decideSuggestionSchema, linkFileSchema, linkParagraphSchema, linkUrlSchema, removeEvidenceSchema, suggestEvidenceSchema,
} from './schemas';

const mayLink = (user: SessionUser) => mayLinkEvidence(user);
const mayReview = (user: SessionUser) => mayReviewEvidence(user);

function refreshCommitmentPages() {
  revalidatePath('/[locale]/(public)/commitments/[id]', 'page');
}

export const linkParagraphAction = formAction(linkParagraphSchema, mayLink, async (input, user) => {
  // A symbol imported in several languages resolves to the reader's language first.
  const link = await linkParagraph(db, user, { ...input, preferredLanguage: await getLocale() });
  refreshCommitmentPages();
  return { id: link.id };
});

export const linkUrlAction = formAction(linkUrlSchema, mayLink, async (input, user) => {
  const link = await linkUrl(db, user, input);
  refreshCommitmentPages();
  return { id: link.id };
});

export const linkFileAction = formAction(linkFileSchema, mayLink, async (input, user) => {
  const link = await linkFile(db, user, {
    commitmentId: input.commitmentId, fileName: input.file.name, bytes: new Uint8Array(await input.file.arrayBuffer()), note: input.note,
  });
  refreshCommitmentPages();
  return { id: link.id };
});

export const removeEvidenceAction = formAction(removeEvidenceSchema, mayLink, async (input, user) => {
  const result = await removeEvidence(db, user, input);
  refreshCommitmentPages();
  return result;
});

export const suggestEvidenceAction = formAction(suggestEvidenceSchema, mayReview, async (input, user) => {
  const result = await suggestEvidence(db, user, input);
  refreshCommitmentPages();
  return result;
});

export const decideSuggestionAction = formAction(decideSuggestionSchema, mayReview, async (input, user) => {
  const result = await decideSuggestion(db, user, input);
  refreshCommitmentPages();
  return result;
});
