'use client';

import { useSyncExternalStore } from 'react';
import { useTranslations } from 'next-intl';

// Unexpected failures: a generic message, never the error's details (they are in the log, found
// by the request's id shown here).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('common');
  const requestId = useSyncExternalStore(noChange, readRequestId, () => null);
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">{t('errorTitle')}</h1>
      <p className="mt-3 text-slate-700">{t('errorBody')}</p>
      {error.digest && <p className="mt-2 text-sm text-slate-600">{t('errorReference', { digest: error.digest })}</p>}
      {requestId && <p className="mt-1 text-sm text-slate-600" data-testid="request-id">{t('errorRequest', { id: requestId })}</p>}
      <button type="button" onClick={reset} className="mt-6 rounded bg-un-navy px-4 py-2 font-medium text-white">{t('tryAgain')}</button>
    </main>
  );
}

const noChange = () => () => {};
const readRequestId = () => document.querySelector('meta[name="request-id"]')?.getAttribute('content') ?? null;
