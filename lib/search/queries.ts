import 'server-only';
import { db } from '@/lib/db';

/** The languages the imported documents are in (public: the document list shows them to anyone). */
export async function documentLanguages(): Promise<string[]> {
  const rows = await db.sourceDocument.findMany({ distinct: ['language'], select: { language: true }, orderBy: { language: 'asc' } });
  return rows.map((row) => row.language);
}
