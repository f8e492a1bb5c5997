// Confirms a previewed import and streams its progress as lines of JSON, so that the wizard can
// show how far a long text has got: {"type":"progress","done":50,"total":120}, then
// {"type":"done","result":{...}} or {"type":"error","message":"..."}.
import { z } from 'zod';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { getOptionalUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { isDomainError } from '@/lib/errors';
import { isLocale } from '@/lib/i18n/routing';
import { confirmStagedImport } from '@/lib/catalogue/staged-import';
import { log } from '@/lib/log';

export const dynamic = 'force-dynamic';

const bodySchema = z.strictObject({
  stagedId: z.string().min(1).max(40),
  areas: z.record(z.string().max(40), z.string().regex(/^TA\d(\.\d)?$/)),
});

export async function POST(request: Request) {
  const requested = request.headers.get('x-locale') ?? 'en';
  const locale = isLocale(requested) ? requested : 'en';
  const t = await getTranslations({ locale, namespace: 'actions' });
  const tErrors = await getTranslations({ locale, namespace: 'errors' });
  const user = await getOptionalUser();
  if (!user) return Response.json({ message: t('signedOut') }, { status: 401 });
  if (!can(user, 'catalogue.import')) return Response.json({ message: t('forbidden') }, { status: 403 });
  const body = bodySchema.safeParse(await request.json().catch(() => null));
  if (!body.success) return Response.json({ message: t('invalid') }, { status: 400 });

  const encoder = new TextEncoder();
  const stream = new ReadableStream({
    async start(controller) {
      const send = (event: object) => controller.enqueue(encoder.encode(JSON.stringify(event) + '\n'));
      try {
        const result = await confirmStagedImport(db, user.id, body.data.stagedId, body.data.areas, (done, total) => send({ type: 'progress', done, total }));
        send({ type: 'done', result });
      } catch (error) {
        if (!isDomainError(error)) log.error({ err: error }, 'Import failed');
        send({ type: 'error', message: isDomainError(error) ? tErrors(error.key, error.values) : t('unexpected') });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' } });
}
