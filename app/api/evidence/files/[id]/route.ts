// Downloads an evidence file, for signed-in users only. Files live in the database (never under
// the web root) and are always sent as attachments with their stored type, so that a browser
// never renders an upload as a page of this site.
import type { NextRequest } from 'next/server';
import { getOptionalUser } from '@/lib/auth/session';
import { isLocale, routing } from '@/lib/i18n/routing';
import { contentDisposition } from '@/lib/evidence/file-storage';
import { getEvidenceFile } from '@/lib/evidence/queries';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getOptionalUser();
  if (!user) {
    // Sign in, then come straight back to the download.
    const cookieLocale = request.cookies.get('NEXT_LOCALE')?.value ?? '';
    const locale = isLocale(cookieLocale) ? cookieLocale : routing.defaultLocale;
    const callbackUrl = encodeURIComponent(`/api/evidence/files/${encodeURIComponent(id)}`);
    // A relative location: behind a proxy, request.url may name an internal host.
    return new Response(null, { status: 303, headers: { location: `/${locale}/sign-in?callbackUrl=${callbackUrl}`, 'cache-control': 'no-store' } });
  }
  const file = await getEvidenceFile(user, id);
  if (!file) return new Response(null, { status: 404 });
  return new Response(new Uint8Array(file.content), {
    headers: {
      'content-type': file.contentType,
      'content-length': String(file.content.byteLength),
      'content-disposition': contentDisposition(file.fileName),
      'x-content-type-options': 'nosniff',
      // Even if a browser showed it inline, it could run nothing and reach nothing.
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, no-store',
    },
  });
}
