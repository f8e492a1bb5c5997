'use client';

// The locale-aware Link and hooks (re-exported by navigation.ts). A client component, so that
// server components render it too: it reads the locale from next-intl's provider.
import NextLink from 'next/link';
import { usePathname as useNextPathname, useRouter as useNextRouter } from 'next/navigation';
import { useMemo, type ComponentProps } from 'react';
import { useLocale } from 'next-intl';
import { isLocalizable, localizedPath, unlocalizedPath } from './localized-path';
import type { Locale } from './routing';

/**
 * Switching language remembers the choice, as next-intl does, in the cookie the proxy (next-intl's
 * middleware) reads for an address without a locale: the router's cache may skip the request
 * that would otherwise tell it.
 */
function rememberLocale(locale: Locale) {
  document.cookie = `NEXT_LOCALE=${locale};sameSite=lax;path=/;`;
}

type LinkProps = Omit<ComponentProps<typeof NextLink>, 'locale'> & {
  /** Another language for the same page; the reader's own otherwise. */
  locale?: Locale;
};

/** next/link to a path of this site in the reader's language (or `locale`). */
export function Link({ href, locale, ...rest }: LinkProps) {
  const current = useLocale();
  const target = locale ?? current;
  const localized = typeof href === 'string'
    ? localizedPath(href, target)
    : href.pathname && isLocalizable(href) ? { ...href, pathname: localizedPath(href.pathname, target) } : href;
  if (locale && locale !== current) {
    // Not prefetched: the other language's page is rarely wanted, and the cookie is set on click.
    return (
      <NextLink hrefLang={locale} prefetch={false} {...rest} href={localized}
        onClick={(event) => { rememberLocale(locale); rest.onClick?.(event); }} />
    );
  }
  return <NextLink {...rest} href={localized} />;
}

/** The current path without its locale ("/worklist"). */
export function usePathname(): string {
  const pathname = useNextPathname();
  const locale = useLocale();
  return useMemo(() => unlocalizedPath(pathname, locale), [pathname, locale]);
}

type Navigate<Options> = (href: string, options?: Options) => void;

/** Next's router, with paths of this site in the reader's language (or `options.locale`). */
export function useRouter() {
  const router = useNextRouter();
  const current = useLocale();
  return useMemo(() => {
    function localize<Options extends object>(navigate: Navigate<Options>): Navigate<Options & { locale?: Locale }> {
      return (href, options) => {
        const { locale, ...rest } = options ?? {};
        if (locale && locale !== current) rememberLocale(locale);
        navigate(localizedPath(href, locale ?? current), Object.keys(rest).length > 0 ? (rest as Options) : undefined);
      };
    }
    return { ...router, push: localize(router.push), replace: localize(router.replace), prefetch: localize(router.prefetch) };
  }, [router, current]);
}
