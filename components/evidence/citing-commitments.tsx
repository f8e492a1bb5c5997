import { getTranslations } from 'next-intl/server';
import type { CitingCommitment } from '@/lib/evidence/queries';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';

/** On a paragraph's page: the commitments whose evidence it is (the other way round from the commitment's evidence). */
export async function CitingCommitments({ commitments, locale, canLink }: { commitments: CitingCommitment[]; locale: Locale; canLink: boolean }) {
  const t = await getTranslations({ locale, namespace: 'evidence.citedBy' });
  return (
    <section aria-labelledby="cited-by-heading" className="space-y-2" data-testid="citing-commitments">
      <h2 id="cited-by-heading" className="text-lg font-semibold">{t('heading')}</h2>
      {commitments.length === 0 ? (
        <p className="text-sm text-slate-700">{canLink ? t('noneCanLink') : t('none')}</p>
      ) : (
        <ul className="space-y-1">
          {commitments.map((commitment) => (
            <li key={commitment.id} className="flex flex-wrap items-baseline gap-x-2" data-testid="citing-commitment">
              <Link href={`/commitments/${commitment.id}`} className="text-un-navy underline">{commitment.citation}</Link>
              <span className="text-xs text-slate-600">{commitment.area}</span>
              {commitment.pending && <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-950">{t('pending')}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
