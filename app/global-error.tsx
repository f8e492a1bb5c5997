'use client';

import { usePathname } from 'next/navigation';
import { directionOf, errorLanguage, type GlobalErrorTexts } from '@/lib/i18n/error-language.mjs';
import type { Locale } from '@/lib/i18n/routing';

// The words of this page in the six languages (common.errorTitle, errorBody, tryAgain and
// errorReference of each catalogue), written in when the app is built (next.config.js):
// importing the catalogues here would put all six, whole, into every page's scripts.
declare const GLOBAL_ERROR_TEXTS: string;
const TEXTS = JSON.parse(GLOBAL_ERROR_TEXTS) as Record<Locale, GlobalErrorTexts>;

// Last resort when the root layout itself fails: next-intl's provider is gone with it, so the
// language is read from the address (/fr/…), as the layout would have.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const language = errorLanguage({ path: usePathname() });
  const texts = TEXTS[language];
  const [beforeDigest, afterDigest] = texts.errorReference.split('{digest}');
  return (
    <html lang={language} dir={directionOf(language)}>
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem', maxWidth: '40rem', margin: '0 auto' }}>
        <title>{texts.errorTitle}</title>
        <h1>{texts.errorTitle}</h1>
        <p>{texts.errorBody}</p>
        {error.digest && <p>{beforeDigest}<code>{error.digest}</code>{afterDigest}</p>}
        <button type="button" onClick={reset}>{texts.tryAgain}</button>
      </body>
    </html>
  );
}
