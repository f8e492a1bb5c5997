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

/**
 * Runs `work` with the staged text, if it is this user's, of this kind, and still fresh. The text
 * is claimed first (deleted in one statement), so two confirmations of one preview cannot both
 * import it; if the work fails, the text is put back and the person can try again.
 */
export async function withStagedText<T>(
  db: Db,
  kind: StagedKind,
  userId: string,
  id: string,
  work: (staged: Omit<StagedText, 'options'> & { options: Prisma.JsonValue | null }) => Promise<T>,
): Promise<T> {
  const fresh = { id, kind, createdById: userId, createdAt: { gte: new Date(Date.now() - LIFETIME_MS) } };
  const staged = await db.stagedImport.findFirst({ where: fresh });
  const claimed = staged ? await db.stagedImport.deleteMany({ where: fresh }) : { count: 0 };
  if (!staged || claimed.count === 0) throw new DomainError('importExpired');
  try {
    return await work(staged);
  } catch (error) {
    const { options, ...rest } = staged;
    await db.stagedImport.create({ data: { ...rest, options: options === null ? undefined : (options as Prisma.InputJsonValue) } });
    throw error;
  }
}
