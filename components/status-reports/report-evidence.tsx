import { useFormatter, useTranslations } from 'next-intl';
import type { EvidenceOfReport } from '@/lib/status-reports/queries';
import { Link } from '@/lib/i18n/navigation';
import { ParagraphPicker, RemoveReportEvidence, ReportFileForm, ReportUrlForm } from './report-evidence-forms';

type Props = { reportId: string | null; editable: boolean; evidence: EvidenceOfReport[]; maxBytes: number; accept: string };

/** The evidence of one report, with its citations; and, while the report may change, the forms to add more. */
export function ReportEvidence({ reportId, editable, evidence, maxBytes, accept }: Props) {
  const t = useTranslations('reportEvidence');
  const tEvidence = useTranslations('evidence');
  const format = useFormatter();
  return (
    <section aria-labelledby="report-evidence-heading" className="space-y-3" data-testid="report-evidence">
      <h2 id="report-evidence-heading" className="text-lg font-semibold">{t('heading')}</h2>
      {evidence.length === 0 ? (
        <p className="text-slate-700">{editable ? t('noneYet') : t('none')}</p>
      ) : (
        <ul className="space-y-2">
          {evidence.map((item) => (
            <li key={item.id} className="rounded-lg border border-slate-200 bg-white p-3" data-testid="report-evidence-item">
              <div className="flex flex-wrap items-baseline justify-between gap-x-4">
                <p className="min-w-0 break-words">
                  <span className="me-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">{tEvidence(`kinds.${item.kind}`)}</span>
                  {item.kind === 'PARAGRAPH' ? <Link href={item.href} className="font-medium text-un-navy underline">{item.label}</Link>
                    : item.kind === 'FILE' ? <a href={item.href} download={item.label} className="font-medium text-un-navy underline">{item.label}</a>
                    : <a href={item.href} rel="noopener noreferrer nofollow" className="font-medium text-un-navy underline">{item.label}</a>}
                  {item.file && <span className="ms-2 text-sm text-slate-600">{format.number(item.file.size / 1024, { style: 'unit', unit: 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 0 })}</span>}
                </p>
                {editable && reportId && <RemoveReportEvidence reportId={reportId} evidenceId={item.id} what={item.label} />}
              </div>
              {item.note && <p className="mt-1 whitespace-pre-line text-sm"><span className="font-medium">{tEvidence('note')}: </span>{item.note}</p>}
              {item.text && (
                <details className="mt-1 text-sm">
                  <summary className="cursor-pointer text-un-navy">{tEvidence('showParagraph')}</summary>
                  <p lang={item.textLocale ?? undefined} className="mt-2 whitespace-pre-line border-s-2 border-slate-200 ps-3">{item.text}</p>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && !reportId && <p className="text-sm text-slate-600">{t('saveFirst')}</p>}
      {editable && reportId && (
        <div className="space-y-3">
          <ParagraphPicker reportId={reportId} />
          <details className="rounded-lg border border-slate-200 bg-white">
            <summary className="cursor-pointer p-3 font-medium">{tEvidence('moreKinds')}</summary>
            <div className="space-y-3 p-3 pt-0">
              <ReportUrlForm reportId={reportId} />
              <ReportFileForm reportId={reportId} maxBytes={maxBytes} accept={accept} />
            </div>
          </details>
        </div>
      )}
    </section>
  );
}
