import type { Locale } from './routing';

export const ERROR_LANGUAGES: readonly Locale[];
export const RTL_LANGUAGES: readonly Locale[];

export function languageOfTag(tag: string | undefined | null): Locale | null;
export function languageOfPath(path: string | undefined | null): Locale | null;
export function languageOfCookie(cookieHeader: string | undefined | null): Locale | null;
export function languageOfAcceptLanguage(header: string | undefined | null): Locale | null;
export function errorLanguage(request?: { path?: string | null; cookie?: string | null; acceptLanguage?: string | null }): Locale;
export function directionOf(language: string): 'rtl' | 'ltr';

/** The strings of app/global-error.tsx in one language, as the catalogue writes them (errorReference holds `{digest}`). */
export type GlobalErrorTexts = { errorTitle: string; errorBody: string; tryAgain: string; errorReference: string };

export function globalErrorTexts(catalogueOf: (language: Locale) => { common: GlobalErrorTexts }): Record<Locale, GlobalErrorTexts>;
