// A text uploaded for an import and previewed, kept on the server until the person confirms it:
// the confirmation does not send the text again (slow connections), and the server never
// trusts a preview sent back by the browser. A staged text is for its uploader only, used once,
// and forgotten after a day.
import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { DomainError } from '@/lib/errors';
import { checksumOf } from '@/lib/catalogue/checksum';

const LIFETIME_MS = 24 * 60 * 60 * 1000;

export type StagedKind = 'instrument' | 'document';

export type StagedText = {
  target: string;
  language: string;
  sourceName: string;
  text: string;
  options?: Prisma.InputJsonValue;
};

export async function stageText(db: Db, kind: StagedKind, userId: string, staged: StagedText): Promise<string> {
  return db.$transaction(async (tx) => {
    await tx.stagedImport.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - LIFETIME_MS) } } });
    const row = await tx.stagedImport.create({
      data: { kind, createdById: userId, ...staged, checksum: checksumOf(staged.text) },
      select: { id: true },
    });
    return row.id;
  });
}

/** The staged text, if it is this user's, of this kind, and still fresh; else a clear error. */
export async function findStagedText(db: Db, kind: StagedKind, userId: string, id: string) {
  const staged = await db.stagedImport.findFirst({
    where: { id, kind, createdById: userId, createdAt: { gte: new Date(Date.now() - LIFETIME_MS) } },
  });
  if (!staged) throw new DomainError('importExpired');
  return { ...staged, forget: () => db.stagedImport.deleteMany({ where: { id: staged.id } }) };
}
