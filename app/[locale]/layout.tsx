import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { rtlLocales } from '@/lib/i18n/routing';
import { isDemoMode } from '@/lib/env';
import { SiteHeader } from '@/components/shell/site-header';
import { DemoBanner } from '@/components/shell/demo-banner';
import '../globals.css';
import { pageLocale } from '@/lib/i18n/page-locale';
import { SHELL_NAMESPACES } from '@/lib/i18n/client-messages';
import { ClientMessages } from '@/components/shell/client-messages';
import { SkipLink } from '@/components/shell/skip-link';

// Every page depends on who is signed in and on live data.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: LayoutProps<'/[locale]'>): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: 'meta' });
  // The request's id (scripts/serve.mjs), for an error page to show and the log to be searched by.
  const requestId = (await headers()).get('x-request-id');
  return {
    title: { default: t('title'), template: `%s · ${t('title')}` }, description: t('description'),
    ...(requestId && /^[\w-]{1,64}$/.test(requestId) ? { other: { 'request-id': requestId } } : {}),
  };
}

export default async function LocaleLayout({ children, params }: LayoutProps<'/[locale]'>) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: 'common' });

  return (
    <html lang={locale} dir={rtlLocales.includes(locale) ? 'rtl' : 'ltr'}>
      <head>
        {/* Served by app/favicon.ico/route.ts (16, 32 and 48 px in one file). */}
        <link rel="icon" href="/favicon.ico" sizes="16x16 32x32 48x48" type="image/x-icon" />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <SkipLink label={t('skipToContent')} />
        <ClientMessages namespaces={SHELL_NAMESPACES}>
          {isDemoMode() && <DemoBanner />}
          <SiteHeader />
          {children}
        </ClientMessages>
      </body>
    </html>
  );
}
