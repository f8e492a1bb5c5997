import type { Metadata } from 'next';
import QRCode from 'qrcode';
import { getTranslations } from 'next-intl/server';
import { getEnrollingUser, requireUser } from '@/lib/auth/session';
import { getMfaStatus } from '@/lib/mfa/queries';
import { pageLocale } from '@/lib/i18n/page-locale';
import { ConfirmEnrolmentForm, DisableForm, IssuedRecoveryCodes, RenewCodesForm, StartEnrolmentForm } from '@/components/mfa/mfa-forms';
import { dateFormatter } from '@/lib/i18n/dates';
import { sentenceGap } from '@/lib/i18n/lists';

export async function generateMetadata({ params }: PageProps<'/[locale]/account/security'>): Promise<Metadata> {
  const locale = await pageLocale(params);
  return { title: (await getTranslations({ locale, namespace: 'mfa' }))('title') };
}

/** Two-step sign-in for one's own account; the one page open to someone who must set it up first. */
export default async function SecurityPage({ params }: PageProps<'/[locale]/account/security'>) {
  const locale = await pageLocale(params);
  const dates = dateFormatter(locale);
  const user = (await getEnrollingUser()) ?? (await requireUser('/account/security'));
  const [t, status] = await Promise.all([getTranslations('mfa'), getMfaStatus(user)]);
  const { pending, required } = status;
  const mustEnrol = 'mustEnrolMfa' in user && user.mustEnrolMfa === true;
  const qr = pending ? await QRCode.toDataURL(pending.uri, { margin: 1, width: 220 }) : null;

  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      {mustEnrol && (
        <p role="alert" className="rounded border border-amber-400 bg-amber-50 p-3 text-amber-950" data-testid="mfa-must-enrol">{t('mustEnrol')}</p>
      )}
      <p className="text-slate-700">{required ? t('requiredForRole') : t('optional')}</p>
      {status.enabledAt ? (
        <>
          <IssuedRecoveryCodes />
          <p className="rounded border border-green-300 bg-green-50 p-3 text-green-900" data-testid="mfa-on">
            {t('onSince', { when: dates.day(status.enabledAt) })}{sentenceGap(locale)}{t('codesLeft', { count: status.unusedRecoveryCodes })}
          </p>
          <section aria-labelledby="renew-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="renew-heading" className="font-semibold">{t('renewHeading')}</h2>
            <RenewCodesForm />
          </section>
          {!required && (
            <section aria-labelledby="disable-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
              <h2 id="disable-heading" className="font-semibold">{t('disableHeading')}</h2>
              <DisableForm />
            </section>
          )}
        </>
      ) : pending && qr ? (
        <section aria-labelledby="enrol-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="enrol-heading" className="font-semibold">{t('scanHeading')}</h2>
          <p className="text-sm text-slate-700">{t('scanHint')}</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made here, nothing to optimise */}
          <img src={qr} alt={t('qrAlt')} width={220} height={220} className="rounded border border-slate-200" />
          <p className="text-sm">{t('manual')} <code className="break-all rounded bg-slate-100 px-1" data-testid="mfa-secret">{pending.secret}</code></p>
          <ConfirmEnrolmentForm />
        </section>
      ) : (
        <StartEnrolmentForm />
      )}
    </div>
  );
}
