// The language of the error pages written outside next-intl (scripts/serve.mjs's refusals and
// app/global-error.tsx): by the address, the cookie, then Accept-Language by q-value, else English.
import { describe, expect, it } from 'vitest';
import {
  directionOf, ERROR_LANGUAGES, errorLanguage, globalErrorTexts, languageOfAcceptLanguage, languageOfCookie, languageOfPath, RTL_LANGUAGES,
} from '@/lib/i18n/error-language.mjs';
import { CATALOGUES } from '@/lib/i18n/catalogues';
import { locales, rtlLocales } from '@/lib/i18n/routing';

describe('error page languages', () => {
  it('are the locales the app serves, Arabic right to left', () => {
    expect(ERROR_LANGUAGES).toEqual(locales);
    expect(RTL_LANGUAGES).toEqual(rtlLocales);
    expect(directionOf('ar')).toBe('rtl');
    for (const language of ['en', 'zh', 'fr', 'ru', 'es']) expect(directionOf(language)).toBe('ltr');
  });
});

describe('languageOfPath', () => {
  it.each(locales.map((locale) => [locale]))('reads /%s/… as its language', (locale) => {
    expect(languageOfPath(`/${locale}/documents/import`)).toBe(locale);
    expect(languageOfPath(`/${locale}`)).toBe(locale);
    expect(languageOfPath(`/${locale}?q=x`)).toBe(locale);
  });

  it('reads a regional form or another case as the proxy does (/fr-CA, /FR)', () => {
    expect(languageOfPath('/fr-CA/instruments')).toBe('fr');
    expect(languageOfPath('/ZH/search?q=%00')).toBe('zh');
    expect(languageOfPath('/zh-Hant-TW')).toBe('zh');
  });

  it('is null for an address in no locale', () => {
    for (const path of ['/', '', undefined, null, '/api/evidence/files/%00', '/de/x', '/arabic', '/_next/static/x', '/?en', '//en']) {
      expect(languageOfPath(path)).toBeNull();
    }
  });
});

describe('languageOfCookie', () => {
  it('reads NEXT_LOCALE among other cookies, when it is one of the six', () => {
    expect(languageOfCookie('a=1; NEXT_LOCALE=ru; b=2')).toBe('ru');
    expect(languageOfCookie('NEXT_LOCALE=ar')).toBe('ar');
    expect(languageOfCookie('NEXT_LOCALE=de')).toBeNull();
    expect(languageOfCookie('XNEXT_LOCALE=fr')).toBeNull();
    expect(languageOfCookie(undefined)).toBeNull();
  });
});

describe('languageOfAcceptLanguage', () => {
  it('takes the highest q-value among the six, regional tags counting as their language', () => {
    expect(languageOfAcceptLanguage('fr-CA,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(languageOfAcceptLanguage('en;q=0.5, ar;q=0.8')).toBe('ar');
    expect(languageOfAcceptLanguage('de-DE, de;q=0.9, es-MX;q=0.7, en;q=0.3')).toBe('es');
    expect(languageOfAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(languageOfAcceptLanguage('RU')).toBe('ru');
  });

  it('takes the first written among equals, and never one refused with q=0', () => {
    expect(languageOfAcceptLanguage('en-US, zh')).toBe('en');
    expect(languageOfAcceptLanguage('ru, fr')).toBe('ru');
    expect(languageOfAcceptLanguage('fr;q=0, es;q=0.1')).toBe('es');
    expect(languageOfAcceptLanguage('fr;q=0')).toBeNull();
  });

  it('passes over what it cannot read, and is null when none of the six is named', () => {
    expect(languageOfAcceptLanguage('fr;q=x, ar;q=0.2')).toBe('ar');
    expect(languageOfAcceptLanguage(' fr ; q = 0.4 , en ; q=0.3')).toBe('fr');
    for (const header of ['de, ja;q=0.9', '*', '', undefined, null, ';;,,', 'english']) {
      expect(languageOfAcceptLanguage(header)).toBeNull();
    }
  });
});

describe('errorLanguage', () => {
  it('prefers the address, then the cookie, then Accept-Language, then English', () => {
    expect(errorLanguage({ path: '/fr/x', cookie: 'NEXT_LOCALE=ru', acceptLanguage: 'ar' })).toBe('fr');
    expect(errorLanguage({ path: '/api/x', cookie: 'NEXT_LOCALE=ru', acceptLanguage: 'ar' })).toBe('ru');
    expect(errorLanguage({ path: '/api/x', acceptLanguage: 'de, ar;q=0.5' })).toBe('ar');
    expect(errorLanguage({ path: '/api/x', acceptLanguage: 'de' })).toBe('en');
    expect(errorLanguage()).toBe('en');
  });
});

describe('globalErrorTexts', () => {
  it("holds each catalogue's words for app/global-error.tsx, the digest's place kept", () => {
    const texts = globalErrorTexts((language) => CATALOGUES[language]);
    expect(Object.keys(texts)).toEqual([...locales]);
    for (const locale of locales) {
      const { errorTitle, errorBody, tryAgain, errorReference } = CATALOGUES[locale].common;
      expect(texts[locale]).toEqual({ errorTitle, errorBody, tryAgain, errorReference });
      expect(errorReference.split('{digest}')).toHaveLength(2);
    }
  });

  it('is what next.config.js writes into app/global-error.tsx when the app is built', async () => {
    // By its address: the config is plain JavaScript, with no types to import.
    const { default: nextConfig } = await import(new URL('../../next.config.js', import.meta.url).href);
    const define = (nextConfig as { compiler?: { define?: Record<string, unknown> } }).compiler?.define;
    expect(typeof define?.GLOBAL_ERROR_TEXTS).toBe('string');
    expect(JSON.parse(define!.GLOBAL_ERROR_TEXTS as string)).toEqual(globalErrorTexts((language) => CATALOGUES[language]));
  });
});
