'use client';

import { localizedPath } from '@/lib/i18n/localized-path';
import type { Locale } from '@/lib/i18n/routing';
import { useHydrated } from '@/components/ui/use-hydrated';

const STYLES = {
  header: 'rounded border border-white/60 px-3 py-1.5 hover:bg-white/10',
  /** An item of the account menu (components/shell/site-header.tsx). */
  menu: 'block w-full px-3 py-2 text-start hover:bg-slate-100',
  primary: 'rounded bg-un-navy px-4 py-2 font-medium text-white hover:bg-un-navy/90',
};

/**
 * next-auth's sign-out request, as `signOut({ redirect: false })` of next-auth/react sends it: its
 * CSRF token, then the form. Written out here because next-auth/react weighs some 10 kB (gzip) in
 * every page's JavaScript, and this button is on every page.
 */
async function endSession(): Promise<void> {
  const { csrfToken } = (await (await fetch('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await fetch('/api/auth/signout', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, callbackUrl: window.location.href, json: 'true' }),
  });
  if (!response.ok) throw new Error(`Sign-out answered ${response.status}`);
}

export function SignOutButton({ label, locale, variant = 'header' }: { label: string; locale: Locale; variant?: keyof typeof STYLES }) {
  const ready = useHydrated();
  async function signOutHere() {
    // next-auth would redirect to NEXTAUTH_URL's host; stay on the address the reader is using.
    await endSession();
    // A whole new page, which says the session ended: the router's cache of the private pages
    // just seen goes with the old one (Back does not show them from memory).
    window.location.replace(localizedPath('/sign-out', locale));
  }
  return (
    <button type="button" onClick={signOutHere} disabled={!ready} className={`${STYLES[variant]} disabled:opacity-60`}>
      {label}
    </button>
  );
}
