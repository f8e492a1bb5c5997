'use client';

import { signIn } from 'next-auth/react';
import { useHydrated } from '@/components/ui/use-hydrated';

/** Signing in through the organization's provider (shown only when one is configured). */
export function SingleSignOnButton({ label, callbackPath }: { label: string; callbackPath: string }) {
  const ready = useHydrated();
  return (
    <button type="button" disabled={!ready} onClick={() => void signIn('oidc', { callbackUrl: callbackPath })}
      className="w-full rounded border border-un-navy bg-white px-4 py-2 font-medium text-un-navy disabled:opacity-60" data-testid="single-sign-on">
      {label}
    </button>
  );
}
