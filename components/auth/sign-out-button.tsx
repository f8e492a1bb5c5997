'use client';

import { signOut } from 'next-auth/react';

const STYLES = {
  header: 'rounded border border-white/60 px-3 py-1.5 hover:bg-white/10',
  primary: 'rounded bg-un-navy px-4 py-2 font-medium text-white hover:bg-un-navy/90',
};

export function SignOutButton({ label, locale, variant = 'header' }: { label: string; locale: string; variant?: keyof typeof STYLES }) {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: `/${locale}` })} className={STYLES[variant]}>
      {label}
    </button>
  );
}
