import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale, type Locale } from './routing';

/** The page's locale from its route parameters: validated, and set for this request. */
export async function pageLocale(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return locale;
}

/** Page metadata whose title is the `title` message of a namespace. */
export async function pageTitle(
  params: Promise<{ locale: string }>,
  namespace: 'dashboard' | 'entities' | 'entity' | 'cycles' | 'users' | 'signIn' | 'signOut' | 'instruments' | 'commitments' | 'import' | 'documents' | 'search',
): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace });
  return { title: t('title') };
}
