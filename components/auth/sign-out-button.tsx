'use client';

import { signOut } from 'next-auth/react';

export function SignOutButton({ label, locale }: { label: string; locale: string }) {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: `/${locale}` })}
      className="rounded border border-white/60 px-3 py-1.5 hover:bg-white/10"
    >
      {label}
    </button>
  );
}
