import { useLocale, useTranslations } from 'next-intl';
import type { ImplementationStatus } from '@/lib/generated/prisma/enums';
import type { TimelineEvent } from '@/lib/status-reports/queries';
import { progressWeight } from '@/lib/status-reports/status-scale';
import { STATUS_FILL, StatusBadge } from './status-badge';
import { dateFormatter } from '@/lib/i18n/dates';

type Series = { cycleCode: string; cycleName: string; status: ImplementationStatus | null }[];

/** Every event of this entity x commitment, oldest first, and the accepted status per cycle. */
export function ReportTimeline({ events, series }: { events: TimelineEvent[]; series: Series }) {
  const t = useTranslations('timeline');
  const dates = dateFormatter(useLocale());
  const when = (date: Date) => dates.dayTime(date);
  return (
    <section aria-labelledby="timeline-heading" className="space-y-4">
      <h2 id="timeline-heading" className="text-lg font-semibold">{t('heading')}</h2>
      <div className="grid gap-4 md:grid-cols-2">
        <figure className="rounded-lg border border-slate-200 bg-white p-4">
          <SeriesChart series={series} />
          <figcaption className="mt-2 text-sm text-slate-600">{t('chartCaption')}</figcaption>
        </figure>
        <table className="w-full self-start rounded-lg border border-slate-200 bg-white text-sm" data-testid="series-table">
          <caption className="sr-only">{t('tableCaption')}</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr><th scope="col" className="px-3 py-2 text-start">{t('cycle')}</th><th scope="col" className="px-3 py-2 text-start">{t('acceptedStatus')}</th></tr>
          </thead>
          <tbody>
            {series.map((row) => (
              <tr key={row.cycleCode} className="border-t border-slate-100">
                <th scope="row" className="px-3 py-2 text-start font-normal">{row.cycleName}</th>
                <td className="px-3 py-2"><StatusBadge status={row.status} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {events.length === 0 ? (
        <p className="text-slate-700">{t('none')}</p>
      ) : (
        <ol className="space-y-2" data-testid="timeline">
          {events.map((event) => (
            <li key={event.id} className="rounded border border-slate-200 bg-white p-3 text-sm" data-testid="timeline-event" data-type={event.type}>
              <p>
                <span className="font-medium">{t(`events.${event.type}`)}</span>
                {event.assignee && <> · <span data-testid="timeline-assignee">{event.assignee}</span></>}
                {event.status && <> · <StatusBadge status={event.status} /></>}
                {event.late && <span className="ms-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-950">{t('late')}</span>}
              </p>
              <p className="text-slate-600">{t('byWhen', { who: event.by ?? '—', when: when(event.at), cycle: event.cycle.name })}</p>
              {event.comment && <p className="mt-1 whitespace-pre-line rounded bg-amber-50 p-2 text-amber-950">{event.comment}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const WIDTH = 320;
const HEIGHT = 140;
const PAD = { top: 12, bottom: 28, start: 28, end: 28 };

/** A small line of the accepted progress weight per cycle; cycles without a counted status leave a gap. */
function SeriesChart({ series }: { series: Series }) {
  const t = useTranslations('timeline');
  const step = series.length > 1 ? (WIDTH - PAD.start - PAD.end) / (series.length - 1) : 0;
  const x = (index: number) => PAD.start + (series.length > 1 ? index * step : (WIDTH - PAD.start - PAD.end) / 2);
  const y = (weight: number) => PAD.top + (1 - weight) * (HEIGHT - PAD.top - PAD.bottom);
  const points = series.map((row, index) => ({ row, index, weight: row.status ? progressWeight(row.status) : null }));
  const segments: string[] = [];
  let current: string[] = [];
  for (const point of points) {
    if (point.weight === null) {
      if (current.length > 1) segments.push(current.join(' '));
      current = [];
    } else current.push(`${x(point.index)},${y(point.weight)}`);
  }
  if (current.length > 1) segments.push(current.join(' '));
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('chartLabel')} className="chart-mirrors-in-rtl h-auto w-full">
      {[0, 1 / 3, 2 / 3, 1].map((weight) => (
        <line key={weight} x1={PAD.start} x2={WIDTH - PAD.end} y1={y(weight)} y2={y(weight)} className="stroke-slate-200" strokeWidth={1} />
      ))}
      {segments.map((segment) => <polyline key={segment} points={segment} fill="none" className="stroke-un-navy" strokeWidth={2} />)}
      {points.map((point) => (
        <g key={point.row.cycleCode}>
          {point.weight !== null && <circle cx={x(point.index)} cy={y(point.weight)} r={5} className={`${STATUS_FILL[point.row.status!]} stroke-white`} strokeWidth={1.5} />}
          <text x={x(point.index)} y={HEIGHT - 8} textAnchor="middle" className="fill-slate-600 text-[11px]">{point.row.cycleCode}</text>
        </g>
      ))}
    </svg>
  );
}
