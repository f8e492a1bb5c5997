'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { editCommitmentTextAction } from '@/lib/catalogue/actions';
import { FieldError, FormStatus } from '@/components/ui/form-status';
import { nameLanguage } from '@/lib/i18n/message-keys';

type Props = { commitmentId: string; texts: { locale: string; text: string; checksum: string }[]; initialLocale: string };

/** Secretariat only: corrects the wording in one language; the replaced wording is kept in the history. */
export function EditTextForm({ commitmentId, texts, initialLocale }: Props) {
  const t = useTranslations('commitment');
  const tLanguages = useTranslations('catalogue.languages');
  const [state, action, pending] = useActionState(editCommitmentTextAction, null);
  const [locale, setLocale] = useState(texts.some((text) => text.locale === initialLocale) ? initialLocale : texts[0]!.locale);
  const current = texts.find((text) => text.locale === locale)!;
  return (
    <form action={action} className="space-y-3" aria-describedby="edit-help">
      <p id="edit-help" className="text-sm text-slate-600">{t('editHelp')}</p>
      <input type="hidden" name="commitmentId" value={commitmentId} />
      <input type="hidden" name="baseChecksum" value={current.checksum} />
      <div>
        <label htmlFor="edit-locale" className="block text-sm font-medium">{t('editLanguage')}</label>
        <select id="edit-locale" name="locale" value={locale} onChange={(event) => setLocale(event.target.value)}
          className="mt-1 rounded border border-slate-300 bg-white px-2 py-1.5">
          {texts.map((text) => <option key={text.locale} value={text.locale}>{nameLanguage(text.locale, tLanguages)}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="edit-text" className="block text-sm font-medium">{t('editText')}</label>
        <textarea key={locale} id="edit-text" name="text" defaultValue={current.text} rows={6} lang={locale}
          aria-invalid={Boolean(state && !state.ok && state.fieldErrors.text)} aria-describedby="text-error"
          className="mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2" />
        <FieldError state={state} field="text" />
      </div>
      <FormStatus state={state} success={t('editSaved')} />
      <button type="submit" disabled={pending} className="rounded bg-un-navy px-4 py-2 font-medium text-white disabled:opacity-60">
        {pending ? t('saving') : t('editSubmit')}
      </button>
    </form>
  );
}
