'use server';

import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import { db } from '@/lib/db';
import { formAction } from '@/lib/action-state';
import type { SessionUser } from '@/lib/auth/session';
import {
  decideRemovalRequest, decideSuggestion, linkFile, linkParagraph, linkParagraphToCommitment, linkUrl, mayLinkEvidence, mayReviewEvidence,
  removeEvidence, requestEvidenceRemoval, restoreEvidence, suggestEvidence,
} from './mutations';
import { paragraphCitation, searchCommitmentsToLink } from './queries';
import {
  decideRemovalRequestSchema, decideSuggestionSchema, linkFileSchema, linkParagraphSchema, linkParagraphToCommitmentSchema, linkUrlSchema,
  removeEvidenceSchema, requestEvidenceRemovalSchema, restoreEvidenceSchema, searchCommitmentsSchema, suggestEvidenceSchema,
} from './schemas';

const mayLink = (user: SessionUser) => mayLinkEvidence(user);
const mayReview = (user: SessionUser) => mayReviewEvidence(user);

/** Evidence shows on the commitment's page, and the commitments citing a paragraph on the paragraph's. */
function refreshEvidencePages() {
  revalidatePath('/[locale]/(public)/commitments/[id]', 'page');
  revalidatePath('/[locale]/(public)/documents/[slug]/[language]/paragraphs/[number]', 'page');
}

export const linkParagraphAction = formAction(linkParagraphSchema, mayLink, async (input, user) => {
  // A symbol imported in several languages resolves to the reader's language first.
  const locale = await getLocale();
  const link = await linkParagraph(db, user, { ...input, preferredLanguage: locale });
  refreshEvidencePages();
  // The citation as understood, so that the person sees which paragraph was linked.
  return { id: link.id, state: link.state, citation: paragraphCitation(locale, link.symbol, link.number) };
});

export const linkParagraphToCommitmentAction = formAction(linkParagraphToCommitmentSchema, mayLink, async (input, user) => {
  const link = await linkParagraphToCommitment(db, user, input);
  refreshEvidencePages();
  return { id: link.id, state: link.state };
});

/** Read-only: the commitments to offer on a paragraph's page, for those who may link. */
export const searchCommitmentsToLinkAction = formAction(searchCommitmentsSchema, mayLink, async (input, user) =>
  searchCommitmentsToLink(user, input.q, input.paragraphId, await getLocale()));

export const linkUrlAction = formAction(linkUrlSchema, mayLink, async (input, user) => {
  const link = await linkUrl(db, user, input);
  refreshEvidencePages();
  return { id: link.id };
});

export const linkFileAction = formAction(linkFileSchema, mayLink, async (input, user) => {
  const link = await linkFile(db, user, {
    commitmentId: input.commitmentId, fileName: input.file.name, bytes: new Uint8Array(await input.file.arrayBuffer()), note: input.note,
  });
  refreshEvidencePages();
  return { id: link.id };
});

export const removeEvidenceAction = formAction(removeEvidenceSchema, mayLink, async (input, user) => {
  const result = await removeEvidence(db, user, input);
  refreshEvidencePages();
  return result;
});

export const restoreEvidenceAction = formAction(restoreEvidenceSchema, mayLink, async (input, user) => {
  const result = await restoreEvidence(db, user, input);
  refreshEvidencePages();
  return result;
});

export const requestEvidenceRemovalAction = formAction(requestEvidenceRemovalSchema, mayLink, async (input, user) => {
  const result = await requestEvidenceRemoval(db, user, input);
  refreshEvidencePages();
  return result;
});

export const decideRemovalRequestAction = formAction(decideRemovalRequestSchema, mayReview, async (input, user) => {
  const result = await decideRemovalRequest(db, user, input);
  refreshEvidencePages();
  return result;
});

export const suggestEvidenceAction = formAction(suggestEvidenceSchema, mayReview, async (input, user) => {
  const result = await suggestEvidence(db, user, input);
  refreshEvidencePages();
  return result;
});

export const decideSuggestionAction = formAction(decideSuggestionSchema, mayReview, async (input, user) => {
  const result = await decideSuggestion(db, user, input);
  refreshEvidencePages();
  return result;
});
