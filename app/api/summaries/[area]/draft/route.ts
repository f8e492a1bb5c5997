// GET /api/summaries/{area}/draft?cycle=<code>&lang=ar|en|es|fr|ru|zh: the narrative draft of a thematic area
// in a cycle as a Word document, for the secretariat (it holds accepted, unpublished reports).
// Anonymous callers are told to sign in (401); everyone else who may not read it gets 404, as if
// the draft did not exist.
import type { NextRequest } from 'next/server';
import { getOptionalUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { contentDisposition } from '@/lib/evidence/file-storage';
import { isLocale, routing, type Locale } from '@/lib/i18n/routing';
import { buildNarrativeDraft, draftTranslator } from '@/lib/summaries/narrative-draft';
import { getNarrativeDraftData } from '@/lib/summaries/queries';
import { DOCX_CONTENT_TYPE, narrativeDraftDocx } from '@/lib/summaries/narrative-docx';

export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'private, no-store' };

export async function GET(request: NextRequest, { params }: { params: Promise<{ area: string }> }) {
  const { area } = await params;
  const query = request.nextUrl.searchParams;
  const asked = query.get('lang') ?? '';
  const cookie = request.cookies.get('NEXT_LOCALE')?.value ?? '';
  const user = await getOptionalUser();
  const lang: Locale = isLocale(asked) ? asked : user && isLocale(user.locale) ? user.locale : isLocale(cookie) ? cookie : routing.defaultLocale;
  const t = draftTranslator(lang);

  if (!user) return Response.json({ message: t('narrativeDraft.signInRequired') }, { status: 401, headers: noStore });
  const notFound = () => Response.json({ message: t('narrativeDraft.notFound') }, { status: 404, headers: noStore });
  if (!can(user, 'summary.read-unpublished')) return notFound();

  const areaCode = area.trim().toUpperCase();
  const cycleCode = query.get('cycle')?.trim() || undefined;
  const data = await getNarrativeDraftData(user, { cycleCode, areaCode, locale: lang });
  if (!data) return notFound();

  const draft = buildNarrativeDraft(data, t);
  const body = await narrativeDraftDocx(draft);
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': DOCX_CONTENT_TYPE,
      'content-length': String(body.byteLength),
      'content-disposition': contentDisposition(draft.fileName),
      'x-content-type-options': 'nosniff',
      ...noStore,
    },
  });
}
