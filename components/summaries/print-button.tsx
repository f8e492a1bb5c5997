'use client';

import { useHydrated } from '@/components/ui/use-hydrated';

/** Opens the browser's print dialog; disabled until the page's script runs (a click before would be lost). */
export function PrintButton({ label }: { label: string }) {
  const hydrated = useHydrated();
  return (
    <button type="button" onClick={() => window.print()} disabled={!hydrated}
      className="rounded border border-un-navy px-4 py-2 font-medium text-un-navy hover:bg-slate-100 disabled:opacity-60 print:hidden" data-testid="draft-print">
      {label}
    </button>
  );
}
