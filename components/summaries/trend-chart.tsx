import { useFormatter, useTranslations } from 'next-intl';
import type { TrendPoint } from '@/lib/summaries/queries';

const WIDTH = 360;
const HEIGHT = 150;
const PAD = { top: 14, bottom: 28, start: 40, end: 28 };

/** The progress index across cycles, as a line, with its numbers in a table under it. */
export function TrendChart({ trend }: { trend: TrendPoint[] }) {
  const t = useTranslations('summaries');
  const format = useFormatter();
  const percent = (value: number | null) => (value === null ? '—' : format.number(value, { style: 'percent', maximumFractionDigits: 0 }));
  const x = (index: number) => PAD.start + (trend.length > 1 ? (index * (WIDTH - PAD.start - PAD.end)) / (trend.length - 1) : (WIDTH - PAD.start - PAD.end) / 2);
  const y = (value: number) => PAD.top + (1 - value) * (HEIGHT - PAD.top - PAD.bottom);
  const points = trend.flatMap((point, index) => (point.progressIndex === null ? [] : [{ ...point, index, value: point.progressIndex }]));
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('trendLabel')} className="chart-mirrors-in-rtl h-auto w-full max-w-xl">
        {[0, 0.5, 1].map((value) => (
          <g key={value}>
            <line x1={PAD.start} x2={WIDTH - PAD.end} y1={y(value)} y2={y(value)} className="stroke-slate-200" />
            <text x={PAD.start - 6} y={y(value) + 4} textAnchor="end" className="fill-slate-600 text-[10px]">{percent(value)}</text>
          </g>
        ))}
        {points.length > 1 && <polyline points={points.map((point) => `${x(point.index)},${y(point.value)}`).join(' ')} fill="none" className="stroke-un-navy" strokeWidth={2} />}
        {points.map((point) => <circle key={point.cycle} cx={x(point.index)} cy={y(point.value)} r={4} className="fill-un-navy" />)}
        {trend.map((point, index) => <text key={point.cycle} x={x(index)} y={HEIGHT - 8} textAnchor="middle" className="fill-slate-600 text-[11px]">{point.cycle}</text>)}
      </svg>
      <figcaption className="mt-2 text-sm text-slate-600">{t('trendCaption')}</figcaption>
      <table className="mt-3 text-sm" data-testid="trend-table">
        <caption className="sr-only">{t('trendLabel')}</caption>
        <thead><tr><th scope="col" className="pe-6 text-start">{t('cycle')}</th><th scope="col" className="text-end">{t('progressIndex')}</th></tr></thead>
        <tbody>
          {trend.map((point) => (
            <tr key={point.cycle}><th scope="row" className="pe-6 text-start font-normal">{point.cycle}</th><td className="text-end tabular-nums">{percent(point.progressIndex)}</td></tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
