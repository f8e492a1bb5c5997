// Sending the outbox: e-mails written in the transaction of the change they tell of (announce.ts)
// leave here, after that commit, by the job queue (lib/jobs/queue.ts). Free of Next imports, as
// the queue's workers run it.
//
// At most once: a row is claimed (PENDING -> SENDING, attempts + 1) in one statement before it is
// sent, so two senders never send the same row. A refusal by the SMTP server puts it back to
// PENDING (FAILED after MAX_ATTEMPTS). A row still SENDING after the lease is one whose sender
// died mid-send: it may or may not have left, so it is marked FAILED, never sent again blindly;
// an administrator may send it again (requeueOutboxEmail) knowing that.
import type { Db } from '@/lib/db/client';
import { redactSentEmail } from '@/lib/team/invitations';
import type { OutboxState } from '@/lib/generated/prisma/enums';
import { can, type Actor } from '@/lib/auth/permissions';
import { recordAudit } from '@/lib/audit/record';
import { env } from '@/lib/env';
import type { MailTransport } from './mailer';

export const MAX_ATTEMPTS = 5;
/** How long a claimed e-mail may stay SENDING before it is given up (the transport's time limits are far shorter). */
export const LEASE_MS = 10 * 60 * 1000;
export const MAYBE_DELIVERED =
  'The sender stopped while sending this e-mail (for example, the application restarted): it may or may not have been delivered, so it is not sent again automatically.';
const ERROR_LENGTH = 1000;

export type DeliveryOptions = {
  now: Date;
  /**
   * E-mails claimed at a time; a run claims batches until none is left. One by default: if the
   * process dies, at most that many e-mails are left in doubt ("may or may not have been delivered").
   */
  batchSize?: number;
  /** The From address (MAIL_FROM by default). */
  from?: string;
  /** Stops the run between two e-mails (the application is stopping); claimed ones not yet sent go back. */
  signal?: AbortSignal;
};

export type DeliveryResult = { sent: number; retried: number; failed: number; abandoned: number };

type Claimed = { id: string; toEmail: string; subject: string; body: string; attempts: number };

/**
 * Sends what is waiting. Without a transport nothing is claimed: the e-mails stay PENDING in the
 * outbox, to be read there or sent once SMTP is configured. Safe to run in several processes
 * at once (claims skip rows another sender holds).
 */
export async function deliverOutbox(db: Db, transport: MailTransport | null, options: DeliveryOptions): Promise<DeliveryResult> {
  const { now, batchSize = 1, signal } = options;
  const result: DeliveryResult = { sent: 0, retried: 0, failed: 0, abandoned: await abandonStaleSends(db, now) };
  if (!transport) return result;
  const from = options.from ?? env().MAIL_FROM;
  // Rows this run has already tried (and put back to PENDING) wait for the next run.
  const tried: string[] = [];
  while (!signal?.aborted) {
    const claimed = await claim(db, now, batchSize, tried);
    for (const [index, email] of claimed.entries()) {
      if (signal?.aborted) {
        await release(db, claimed.slice(index), now);
        return result;
      }
      tried.push(email.id);
      const outcome = await send(db, transport, from, email, now);
      result[outcome] += 1;
    }
    if (claimed.length < batchSize) break;
  }
  return result;
}

/** Claimed e-mails this run will not send after all: PENDING again, as if never claimed. */
async function release(db: Db, emails: Claimed[], now: Date): Promise<void> {
  for (const email of emails) {
    await db.outboxEmail.updateMany({
      where: { id: email.id, state: 'SENDING', attempts: email.attempts, claimedAt: now },
      data: { state: 'PENDING', attempts: email.attempts - 1 },
    });
  }
}

function claim(db: Db, now: Date, batchSize: number, exclude: string[]): Promise<Claimed[]> {
  return db.$queryRaw<Claimed[]>`
    UPDATE "OutboxEmail" SET "state" = 'SENDING', "claimedAt" = ${now}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutboxEmail"
      WHERE "state" = 'PENDING' AND NOT ("id" = ANY(${exclude}::text[]))
      ORDER BY "createdAt", "id"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "toEmail", "subject", "body", "attempts"`;
}

async function send(db: Db, transport: MailTransport, from: string, email: Claimed, now: Date): Promise<'sent' | 'retried' | 'failed'> {
  let messageId: string | null;
  try {
    const info = await transport.sendMail({ from, to: email.toEmail, subject: email.subject, text: email.body, headers: { 'X-Outbox-Id': email.id } });
    messageId = info.messageId ?? null;
  } catch (error) {
    const state: OutboxState = email.attempts >= MAX_ATTEMPTS ? 'FAILED' : 'PENDING';
    // Only this claim's row: if the lease ran out and an administrator re-queued it, it is theirs.
    await db.outboxEmail.updateMany({
      where: { id: email.id, state: 'SENDING', attempts: email.attempts, claimedAt: now },
      data: { state, lastError: describe(error) },
    });
    return state === 'FAILED' ? 'failed' : 'retried';
  }
  // Delivered, whatever happened meanwhile (a lease given up as "maybe delivered" is now known).
  await db.outboxEmail.updateMany({
    where: { id: email.id, attempts: email.attempts, claimedAt: now, state: { in: ['SENDING', 'FAILED'] } },
    // A link that signs a person in (an invitation) is not kept once it has gone out.
    data: { state: 'SENT', sentAt: now, messageId, lastError: null, body: redactSentEmail(email.body) },
  });
  return 'sent';
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > ERROR_LENGTH ? `${text.slice(0, ERROR_LENGTH - 1)}…` : text;
}

/** E-mails left SENDING for longer than the lease: FAILED, with a note that they may have gone out. */
async function abandonStaleSends(db: Db, now: Date): Promise<number> {
  const { count } = await db.outboxEmail.updateMany({
    where: { state: 'SENDING', claimedAt: { lt: new Date(now.getTime() - LEASE_MS) } },
    data: { state: 'FAILED', lastError: MAYBE_DELIVERED },
  });
  return count;
}

export type RequeueOutcome = 'requeued' | 'not-failed' | 'not-found' | 'forbidden';

/**
 * Puts a FAILED e-mail back in the queue (PENDING, attempts from zero), for an administrator, with
 * its audit row in the same transaction. Refusals change nothing and say why.
 */
export async function requeueOutboxEmail(db: Db, actor: NonNullable<Actor> & { id: string }, id: string): Promise<RequeueOutcome> {
  if (!can(actor, 'outbox.read')) return 'forbidden';
  return db.$transaction(async (tx) => {
    // Locked, so that two administrators pressing "Send again" requeue it once.
    const [email] = await tx.$queryRaw<{ state: OutboxState; attempts: number; lastError: string | null }[]>`
      SELECT "state"::text AS "state", "attempts", "lastError" FROM "OutboxEmail" WHERE "id" = ${id} FOR UPDATE`;
    if (!email) return 'not-found';
    if (email.state !== 'FAILED') return 'not-failed';
    await tx.outboxEmail.update({ where: { id }, data: { state: 'PENDING', attempts: 0, lastError: null, claimedAt: null } });
    await recordAudit(tx, {
      actorId: actor.id, action: 'outbox.requeue', entityType: 'OutboxEmail', entityId: id,
      before: { state: email.state, attempts: email.attempts, lastError: email.lastError }, after: { state: 'PENDING', attempts: 0 },
    });
    return 'requeued';
  });
}
