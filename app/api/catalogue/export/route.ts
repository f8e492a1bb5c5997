// The whole catalogue as a download, in JSON or CSV (the same formats `npm run cli --
// export-catalogue` writes). The catalogue is public, like the pages that show it.
import { db } from '@/lib/db';
import { getOptionalUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { exportCatalogueCsv, exportCatalogueJson } from '@/lib/exports/catalogue-export';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const format = new URL(request.url).searchParams.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv') {
    return Response.json({ message: 'Choose format=json or format=csv.' }, { status: 400 });
  }
  // Staff e-mail addresses (who imported each text) go only to the secretariat.
  const options = { includeImporters: can(await getOptionalUser(), 'catalogue.edit') };
  const body = format === 'json' ? await exportCatalogueJson(db, options) : await exportCatalogueCsv(db, options);
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      'content-type': format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="catalogue-${stamp}.${format}"`,
      'cache-control': 'no-store',
    },
  });
}
