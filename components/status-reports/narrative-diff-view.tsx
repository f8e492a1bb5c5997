import { useTranslations } from 'next-intl';
import { diffNarratives, diffStats } from '@/lib/status-reports/narrative-diff';

/** The submitted narrative with the changes since the accepted one marked, word by word. */
export function NarrativeDiffView({ before, after, locale }: { before: string; after: string; locale: string }) {
  const t = useTranslations('review');
  const parts = diffNarratives(before, after, locale);
  const stats = diffStats(parts, locale);
  return (
    <div>
      <p className="text-xs text-slate-600" data-testid="diff-stats">{t('diffStats', { added: stats.added, removed: stats.removed })}</p>
      <p className="mt-2 whitespace-pre-line leading-relaxed" data-testid="narrative-diff">
        {parts.map((part, index) =>
          part.kind === 'same' ? <span key={index}>{part.text}</span>
          : part.kind === 'added' ? <ins key={index} className="bg-emerald-100 text-emerald-950 no-underline decoration-emerald-700 [text-decoration-line:underline]">{part.text}</ins>
          : <del key={index} className="bg-red-100 text-red-900">{part.text}</del>,
        )}
      </p>
    </div>
  );
}
