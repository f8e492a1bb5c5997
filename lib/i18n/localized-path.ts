// Addresses in a locale. Every address of the site starts with its locale ('always' in
// routing.ts) and paths are the same in every language, so an address in a locale is the locale
// before the path. Written as next-intl's navigation writes them, which these replace (see
// navigation.ts).
import type { Locale } from './routing';

type UrlLike = { pathname?: string | null; host?: string | null; hostname?: string | null };

/** Whether an address is a path of this site: not another site's, not relative. Only those take a locale. */
export function isLocalizable(href: string | UrlLike): boolean {
  if (typeof href === 'string') return !/^[a-z]+:/i.test(href) && href.startsWith('/');
  return href.host == null && href.hostname == null && (href.pathname == null || href.pathname.startsWith('/'));
}

/** "/worklist?x=1" in English is "/en/worklist?x=1"; "/" is "/en", without a trailing slash. */
export function localizedPath(path: string, locale: Locale): string {
  if (!isLocalizable(path)) return path;
  return `/${locale}${/^\/(\?.*)?$/.test(path) ? path.slice(1) : path}`;
}

/** The path without its locale: "/en/worklist" is "/worklist", "/en" and "/en?x=1" are "/" and "/?x=1". */
export function unlocalizedPath(pathname: string, locale: string): string {
  const prefix = `/${locale}`;
  if (!pathname.startsWith(prefix)) return pathname;
  const rest = pathname.slice(prefix.length);
  if (rest === '' || rest.startsWith('/')) return rest || '/';
  return rest.startsWith('?') || rest.startsWith('#') ? `/${rest}` : pathname;
}

/** The same path in another locale: "/en/worklist?x=1" in French is "/fr/worklist?x=1". */
export function inLocale(path: string, from: string, to: Locale): string {
  return localizedPath(unlocalizedPath(path, from), to);
}
