import { useTranslations } from 'next-intl';
import type { ImplementationStatus } from '@/lib/generated/prisma/enums';
import type { WorklistState } from '@/lib/status-reports/queries';

// The status colours, one per status (tokens in app/globals.css). Class names are written out
// in full so that Tailwind finds them.
export const STATUS_SWATCH: Record<ImplementationStatus | 'NO_REPORT', string> = {
  NOT_STARTED: 'bg-status-not-started',
  IN_PROGRESS: 'bg-status-in-progress',
  SUBSTANTIALLY_IMPLEMENTED: 'bg-status-substantial',
  FULLY_IMPLEMENTED: 'bg-status-fully',
  NOT_APPLICABLE: 'bg-status-not-applicable',
  NO_REPORT: 'bg-status-none',
};

/** The same colours for SVG charts. */
export const STATUS_FILL: Record<ImplementationStatus | 'NO_REPORT', string> = {
  NOT_STARTED: 'fill-status-not-started',
  IN_PROGRESS: 'fill-status-in-progress',
  SUBSTANTIALLY_IMPLEMENTED: 'fill-status-substantial',
  FULLY_IMPLEMENTED: 'fill-status-fully',
  NOT_APPLICABLE: 'fill-status-not-applicable',
  NO_REPORT: 'fill-status-none',
};

/** A status with its colour; the word is always there. */
export function StatusBadge({ status }: { status: ImplementationStatus | null }) {
  const t = useTranslations('status');
  const key = status ?? 'NO_REPORT';
  return (
    <span className="inline-flex items-baseline gap-1.5" data-testid="status-badge">
      <span aria-hidden className={`inline-block size-2.5 shrink-0 rounded-full ${STATUS_SWATCH[key]}`} />
      {t(key)}
    </span>
  );
}

const STATE_STYLE: Record<WorklistState, string> = {
  NOT_REPORTED: 'border-slate-300 bg-white text-slate-700',
  DRAFT: 'border-slate-300 bg-slate-100 text-slate-800',
  SUBMITTED: 'border-sky-300 bg-sky-50 text-sky-900',
  RETURNED: 'border-amber-400 bg-amber-50 text-amber-950',
  ACCEPTED: 'border-emerald-300 bg-emerald-50 text-emerald-900',
};

/** Where a report stands in the workflow, in words. */
export function StateBadge({ state }: { state: WorklistState }) {
  const t = useTranslations('workflow');
  return (
    <span className={`inline-block whitespace-nowrap rounded border px-1.5 py-0.5 text-xs font-medium ${STATE_STYLE[state]}`} data-testid="state-badge">
      {t(state)}
    </span>
  );
}
