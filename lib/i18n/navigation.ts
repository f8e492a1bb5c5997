// Locale-aware Link, redirect and router: links keep the reader in their language.
// next-intl's createNavigation does this for any routing (localized paths, domains, optional
// prefixes) at some 3 kB (gzip) in every page's scripts; with a locale always in the address and
// the same paths in every language, this is all it takes (localized-path.ts).
import { redirect as nextRedirect } from 'next/navigation';
import { localizedPath } from './localized-path';
import type { Locale } from './routing';

export { Link, usePathname, useRouter } from './client-navigation';

/** Redirects (in a server component or action) to a path of this site in a locale. */
export function redirect({ href, locale }: { href: string; locale: Locale }): never {
  return nextRedirect(localizedPath(href, locale));
}
