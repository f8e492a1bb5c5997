// Changes to the catalogue made by the secretariat: corrected wording (the replaced wording is
// kept) and links between related commitments. Each change and its audit row in one transaction.
import type { Db } from '@/lib/db/client';
import { recordAudit } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import { checksumOf } from './checksum';

export type EditTextInput = { commitmentId: string; locale: string; text: string; /** Checksum of the wording the editor started from. */ baseChecksum: string };

export async function editCommitmentText(db: Db, actor: { id: string; email: string }, input: EditTextInput) {
  return db.$transaction(async (tx) => {
    // Locks the row: two editors saving at once are serialised, and the second sees the first's change.
    const rows = await tx.$queryRaw<{ id: string; text: string; sourceName: string }[]>`
      SELECT "id", "text", "sourceName" FROM "CommitmentText"
      WHERE "commitmentId" = ${input.commitmentId} AND "locale" = ${input.locale} FOR UPDATE`;
    const current = rows[0];
    if (!current) throw new DomainError('unknownCommitment');
    if (checksumOf(current.text) !== input.baseChecksum) throw new DomainError('staleText');
    if (current.text === input.text) return { changed: false };
    await tx.commitmentTextRevision.create({
      data: { commitmentId: input.commitmentId, locale: input.locale, text: current.text, sourceName: current.sourceName, reason: 'edit', replacedById: actor.id },
    });
    await tx.commitmentText.update({ where: { id: current.id }, data: { text: input.text } });
    await recordAudit(tx, {
      actorId: actor.id, action: 'commitment.edit-text', entityType: 'Commitment', entityId: input.commitmentId,
      before: { locale: input.locale, text: current.text }, after: { locale: input.locale, text: input.text },
    });
    return { changed: true };
  });
}

/** Relations are stored once, ordered by id, whatever the direction they were made in. */
function ordered(a: string, b: string) {
  return a < b ? { fromId: a, toId: b } : { fromId: b, toId: a };
}

export async function relateCommitments(db: Db, actorId: string, commitmentId: string, target: { instrumentCode: string; reference: string }) {
  return db.$transaction(async (tx) => {
    const [source, other] = await Promise.all([
      tx.commitment.findUnique({ where: { id: commitmentId }, select: { id: true, instrument: { select: { code: true } } } }),
      tx.commitment.findFirst({
        where: { reference: target.reference, instrument: { code: target.instrumentCode } },
        select: { id: true, instrument: { select: { code: true } } },
      }),
    ]);
    if (!source) throw new DomainError('unknownCommitment');
    if (!other) throw new DomainError('unknownReference', { reference: target.reference, instrument: target.instrumentCode });
    if (other.id === source.id) throw new DomainError('sameCommitment');
    if (other.instrument.code === source.instrument.code) throw new DomainError('sameInstrument');
    const pair = ordered(source.id, other.id);
    const relation = await tx.commitmentRelation.upsert({
      where: { fromId_toId: pair },
      create: { ...pair, createdById: actorId },
      update: {},
      select: { id: true },
    });
    await recordAudit(tx, { actorId, action: 'commitment.relate', entityType: 'CommitmentRelation', entityId: relation.id, after: pair });
    return relation;
  });
}

export async function unrelateCommitments(db: Db, actorId: string, commitmentId: string, otherId: string) {
  return db.$transaction(async (tx) => {
    const pair = ordered(commitmentId, otherId);
    const relation = await tx.commitmentRelation.findUnique({ where: { fromId_toId: pair }, select: { id: true } });
    if (!relation) return { removed: false };
    await tx.commitmentRelation.delete({ where: { id: relation.id } });
    await recordAudit(tx, { actorId, action: 'commitment.unrelate', entityType: 'CommitmentRelation', entityId: relation.id, before: pair });
    return { removed: true };
  });
}
