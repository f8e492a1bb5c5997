import { useLocale, useTranslations } from 'next-intl';
import { dateFormatter } from '@/lib/i18n/dates';

/** The deadline as the UN writes dates, with the days left (or how late it is). */
export function DeadlineNote({ closesAt, daysLeft }: { closesAt: Date; daysLeft: number }) {
  const t = useTranslations('worklist');
  const dates = dateFormatter(useLocale());
  const deadline = dates.day(closesAt);
  return (
    <p className={`mt-1 text-sm ${daysLeft < 0 ? 'font-medium text-red-800' : daysLeft <= 14 ? 'font-medium text-amber-900' : 'text-slate-700'}`} data-testid="deadline">
      {daysLeft >= 0 ? t('deadline', { deadline, days: daysLeft }) : t('deadlinePassed', { deadline, days: -daysLeft })}
    </p>
  );
}
