import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { Link } from '@/lib/i18n/navigation';
import { pageLocale } from '@/lib/i18n/page-locale';
import { isLocale, locales, type Locale } from '@/lib/i18n/routing';
import { getNarrativeDraftData, summaryCycles } from '@/lib/summaries/queries';
import { buildNarrativeDraft, draftTranslator } from '@/lib/summaries/narrative-draft';
import { PrintButton } from '@/components/summaries/print-button';

// The narrative draft of a thematic area in a cycle, for the secretariat: on screen, printed (the
// controls and the site's chrome are left out of print), or downloaded as a Word document.

type Props = PageProps<'/[locale]/areas/[code]/draft'>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const { code } = await params;
  return { title: `${decodeURIComponent(code).toUpperCase()} · ${(await getTranslations({ locale, namespace: 'narrativeDraft' }))('heading')}` };
}

export default async function NarrativeDraftPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const { code } = await params;
  const areaCode = decodeURIComponent(code).toUpperCase();
  const query = await searchParams;
  const cycleCode = first(query.cycle);
  const asked = first(query.lang) ?? '';
  const lang: Locale = isLocale(asked) ? asked : locale;
  const back = new URLSearchParams(Object.entries({ cycle: cycleCode, lang: first(query.lang) }).flatMap(([key, value]) => (value ? [[key, value]] : [])));
  const user = await requireUser(`/areas/${encodeURIComponent(areaCode)}/draft${back.size > 0 ? `?${back}` : ''}`);
  // Drafts hold accepted reports that are not published: for the secretariat only.
  if (!can(user, 'summary.read-unpublished')) notFound();

  const [t, tCommon, cycles, data] = await Promise.all([
    getTranslations('narrativeDraft'), getTranslations('common'), summaryCycles(user, locale),
    getNarrativeDraftData(user, { cycleCode, areaCode, locale: lang }),
  ]);
  if (!data) {
    if (cycles.length > 0 || cycleCode) notFound();
    return <p className="text-slate-700" data-testid="draft-no-cycle">{t('noCycle')}</p>;
  }
  const draft = buildNarrativeDraft(data, draftTranslator(lang));
  const download = `/api/summaries/${encodeURIComponent(data.area.code)}/draft?${new URLSearchParams({ cycle: data.cycle.code, lang })}`;
  const select = 'mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-2';

  return (
    <div className="space-y-6">
      <div className="space-y-4 print:hidden">
        <p className="text-sm">
          <Link href={`/areas/${encodeURIComponent(data.area.code)}/summary?cycle=${encodeURIComponent(data.cycle.code)}`} className="text-un-navy underline">
            {t('summaryLink')}
          </Link>
        </p>
        <div>
          <p className="text-sm font-medium text-un-blue">{t('heading')}</p>
          <p className="mt-1 text-slate-700">{t('intro')}</p>
        </div>
        <form method="get" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 sm:items-end">
          <div>
            <label htmlFor="draft-cycle" className="block text-sm font-medium">{t('cycle')}</label>
            <select id="draft-cycle" name="cycle" defaultValue={data.cycle.code} className={select}>
              {cycles.map((option) => <option key={option.code} value={option.code}>{option.name}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="draft-lang" className="block text-sm font-medium">{t('language')}</label>
            <select id="draft-lang" name="lang" defaultValue={lang} className={select}>
              {locales.map((option) => <option key={option} value={option} lang={option}>{tCommon(`languages.${option}`)}</option>)}
            </select>
          </div>
          <button type="submit" className="rounded bg-un-navy px-4 py-2 font-medium text-white">{t('show')}</button>
        </form>
        <div className="flex flex-wrap items-center gap-3">
          <a href={download} download={draft.fileName} className="rounded bg-un-navy px-4 py-2 font-medium text-white" data-testid="draft-download">
            {t('download')}
          </a>
          <PrintButton label={t('print')} />
        </div>
      </div>

      <article lang={draft.lang} className="space-y-6 rounded-lg border border-slate-200 bg-white p-6 print:rounded-none print:border-0 print:p-0" data-testid="narrative-draft">
        <header className="space-y-3">
          <h1 className="text-2xl font-semibold" data-testid="draft-title">{draft.title}</h1>
          <p className="border-y-2 border-red-700 py-2 font-semibold tracking-wide text-red-800" data-testid="draft-notice">{draft.notice}</p>
          {draft.demoNote && <p className="italic text-slate-700" data-testid="draft-demo-note">{draft.demoNote}</p>}
        </header>

        <section aria-labelledby="draft-figures" className="space-y-3">
          <h2 id="draft-figures" className="text-lg font-semibold">{draft.figuresHeading}</h2>
          {draft.figures.map((paragraph, index) => <p key={index} className="leading-relaxed">{paragraph}</p>)}
        </section>

        <section aria-labelledby="draft-commitments" className="space-y-6">
          <h2 id="draft-commitments" className="text-lg font-semibold">{draft.commitmentsHeading}</h2>
          {draft.sections.map((section) => (
            <section key={section.commitmentId} aria-labelledby={`draft-${section.commitmentId}`} className="space-y-3" data-testid="draft-section">
              <h3 id={`draft-${section.commitmentId}`} className="font-semibold break-after-avoid">{section.heading}</h3>
              {section.text && (
                <blockquote lang={section.textLang ?? undefined} className="whitespace-pre-line border-s-4 border-slate-300 ps-4 italic text-slate-800">
                  {section.text}
                </blockquote>
              )}
              {section.textNote && <p className="text-sm italic text-slate-600">{section.textNote}</p>}
              {section.entries.map((entry) => (
                <p key={entry.entityCode} className="whitespace-pre-line leading-relaxed" data-testid="draft-entry">
                  <strong>{entry.lead}</strong>{draft.gap}{entry.body}
                </p>
              ))}
              {section.empty && <p className="italic text-slate-600">{section.empty}</p>}
            </section>
          ))}
        </section>
      </article>
    </div>
  );
}
