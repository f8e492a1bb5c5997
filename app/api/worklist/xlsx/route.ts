// The worklist as an XLSX workbook, to fill in offline and upload back:
//   GET /api/worklist/xlsx?entity=CODE&lang=ar|en|es|fr|ru|zh
// For the signed-in person only, with the rows they may read; without `entity`, their own
// entity's worklist. Another entity's worklist, or an unknown one, is "not found".
import { createTranslator } from 'next-intl';
import { db } from '@/lib/db';
import { getOptionalUser } from '@/lib/auth/session';
import { contentDisposition } from '@/lib/evidence/file-storage';
import { isLocale, type Locale } from '@/lib/i18n/routing';
import { XLSX_CONTENT_TYPE } from '@/lib/offline-reporting/format';
import { getWorkbookData } from '@/lib/offline-reporting/queries';
import { buildWorklistWorkbook, workbookFileName } from '@/lib/offline-reporting/worklist-workbook';
import { CATALOGUES } from '@/lib/i18n/catalogues';

export const dynamic = 'force-dynamic';

const ENTITY_CODE = /^[A-Za-z0-9_-]{1,20}$/;

function refuse(status: number, message: string) {
  return Response.json({ message }, { status, headers: { 'cache-control': 'no-store' } });
}

export async function GET(request: Request) {
  const query = new URL(request.url).searchParams;
  const user = await getOptionalUser();
  const asked = query.get('lang') ?? '';
  const locale: Locale = isLocale(asked) ? asked : user && isLocale(user.locale) ? user.locale : 'en';
  const t = createTranslator({ locale, messages: CATALOGUES[locale], namespace: 'offline.download' });
  if (!user) return refuse(401, t('signedOut'));

  const entityCode = query.get('entity') ?? user.entity?.code ?? null;
  if (!entityCode) return refuse(404, t('chooseEntity'));
  if (!ENTITY_CODE.test(entityCode)) return refuse(404, t('notFound'));
  const lookup = await getWorkbookData(db, user, entityCode, locale);
  if (!lookup.ok) {
    if (lookup.reason === 'no-open-cycle') return refuse(404, t('noOpenCycle'));
    if (lookup.reason === 'not-expected') return refuse(404, t('notExpected', { entity: lookup.entityName ?? entityCode }));
    return refuse(404, t('notFound'));
  }
  const now = new Date();
  const body = await buildWorklistWorkbook(lookup.data, locale, now);
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': XLSX_CONTENT_TYPE,
      'content-disposition': contentDisposition(workbookFileName(lookup.data.entity.code, lookup.data.cycle.code, now)),
      'content-length': String(body.byteLength),
      'cache-control': 'private, no-store',
      vary: 'Cookie',
    },
  });
}
