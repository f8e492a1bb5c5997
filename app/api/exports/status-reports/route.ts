// Status reports as a CSV or XLSX download, with the filters of the screens:
//   GET /api/exports/status-reports?format=csv|xlsx&cycle=&area=&entity=&group=&instrument=&state=&lang=ar|en|es|fr|ru|zh
// Anyone may ask; each caller gets the rows they may read (the public: accepted reports of
// published cycles, as published). The file is streamed: see lib/exports/status-reports-export.ts.
import { getOptionalUser } from '@/lib/auth/session';
import { contentDisposition } from '@/lib/evidence/file-storage';
import { isLocale } from '@/lib/i18n/routing';
import {
  EXPORT_CONTENT_TYPES, exportFileName, parseStatusReportExportQuery,
} from '@/lib/exports/status-reports-export';
import { downloadStatusReports } from '@/lib/exports/queries';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const parsed = parseStatusReportExportQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return Response.json({ message: parsed.message }, { status: 400, headers: { 'cache-control': 'no-store' } });
  const user = await getOptionalUser();
  const query = { ...parsed.query, lang: parsed.query.lang ?? (user && isLocale(user.locale) ? user.locale : null) };
  const body = await downloadStatusReports(user, query);
  return new Response(body, {
    headers: {
      'content-type': EXPORT_CONTENT_TYPES[query.format],
      'content-disposition': contentDisposition(exportFileName(query)),
      // What the public reads is published, the same for everyone; a signed-in caller's file
      // holds what only they may read. The response depends on the session cookie.
      'cache-control': user ? 'private, no-store' : 'public, max-age=300',
      vary: 'Cookie',
    },
  });
}
