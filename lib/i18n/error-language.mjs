// The language of the error pages written outside next-intl: the refusals scripts/serve.mjs
// answers before Next sees a request, and app/global-error.tsx, shown when the root layout itself
// fails. Plain JavaScript with no imports, because `node scripts/serve.mjs` runs it as it is and
// the browser runs it in every page's scripts. tests/unit/error-language.test.ts checks that the
// languages here are lib/i18n/routing.ts's.

/** The six official languages of the United Nations (lib/i18n/routing.ts `locales`). */
export const ERROR_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

/** Languages written right to left (lib/i18n/routing.ts `rtlLocales`). */
export const RTL_LANGUAGES = ['ar'];

const DEFAULT_LANGUAGE = 'en';

/** One of the six for a language tag ("fr", "FR", "fr-CA", "zh-Hant-TW"), or null. */
export function languageOfTag(tag) {
  const match = /^([a-z]{2})(?:-[a-z0-9]{1,8})*$/i.exec(String(tag ?? '').trim());
  const language = match?.[1].toLowerCase();
  return language && ERROR_LANGUAGES.includes(language) ? language : null;
}

/**
 * The language an address is in, by its first segment ("/fr/instruments", also "/fr-CA/…" and
 * "/FR/…", which the proxy sends to "/fr/…"), or null.
 */
export function languageOfPath(path) {
  const segment = String(path ?? '/').split(/[/?#]/)[1];
  return segment ? languageOfTag(segment) : null;
}

/** The language chosen before with the language menu (the NEXT_LOCALE cookie), or null. */
export function languageOfCookie(cookieHeader) {
  const value = /(?:^|;\s*)NEXT_LOCALE=([^;]*)/.exec(String(cookieHeader ?? ''))?.[1];
  return value && ERROR_LANGUAGES.includes(value) ? value : null;
}

/**
 * The one of the six the browser prefers most by Accept-Language ("fr-CA,fr;q=0.9,en;q=0.8"):
 * the highest q-value, the first written among equals; q=0 means "not this one". Null when none
 * of the six is named.
 */
export function languageOfAcceptLanguage(header) {
  let best = null;
  let bestQuality = 0;
  for (const entry of String(header ?? '').split(',')) {
    const [tag, ...parameters] = entry.split(';');
    const language = languageOfTag(tag);
    if (!language) continue;
    // No q is 1; a q that is no number counts as 0 (RFC 9110 allows only 0 to 1).
    const q = parameters.find((parameter) => /^\s*q\s*=/i.test(parameter));
    const quality = q === undefined ? 1 : Number(q.split('=')[1].trim() || NaN);
    if (quality > bestQuality) {
      best = language;
      bestQuality = quality;
    }
  }
  return best;
}

/**
 * The language of an error page: the address's, else the one chosen before (cookie), else the
 * browser's (Accept-Language), else English.
 */
export function errorLanguage({ path, cookie, acceptLanguage } = {}) {
  return languageOfPath(path) ?? languageOfCookie(cookie) ?? languageOfAcceptLanguage(acceptLanguage) ?? DEFAULT_LANGUAGE;
}

/** The `dir` of a page in this language. */
export function directionOf(language) {
  return RTL_LANGUAGES.includes(language) ? 'rtl' : 'ltr';
}

/**
 * What app/global-error.tsx says, in each of the six languages, from the catalogues
 * (`catalogueOf(language)` is messages/<language>.json). next.config.js builds it into the page's
 * script, so that the page does not carry the six whole catalogues.
 */
export function globalErrorTexts(catalogueOf) {
  return Object.fromEntries(ERROR_LANGUAGES.map((language) => {
    const { errorTitle, errorBody, tryAgain, errorReference } = catalogueOf(language).common;
    return [language, { errorTitle, errorBody, tryAgain, errorReference }];
  }));
}
