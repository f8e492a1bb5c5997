'use client';

import { signOut } from 'next-auth/react';
import { useRouter } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { useHydrated } from '@/components/ui/use-hydrated';

const STYLES = {
  header: 'rounded border border-white/60 px-3 py-1.5 hover:bg-white/10',
  primary: 'rounded bg-un-navy px-4 py-2 font-medium text-white hover:bg-un-navy/90',
};

export function SignOutButton({ label, locale, variant = 'header' }: { label: string; locale: Locale; variant?: keyof typeof STYLES }) {
  const router = useRouter();
  const ready = useHydrated();
  async function signOutHere() {
    // next-auth would redirect to NEXTAUTH_URL's host; stay on the address the reader is using.
    await signOut({ redirect: false });
    router.replace('/', { locale });
    router.refresh();
  }
  return (
    <button type="button" onClick={signOutHere} disabled={!ready} className={`${STYLES[variant]} disabled:opacity-60`}>
      {label}
    </button>
  );
}
