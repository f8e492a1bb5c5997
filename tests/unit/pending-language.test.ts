// Addresses in a UN language the interface is not offered in yet go to the same page in English
// (proxy.ts), instead of next-intl's "/en/fr/…", a 404.
import { describe, expect, it } from 'vitest';
import { locales, pendingLanguageRedirect, pendingLanguages, UN_LANGUAGES } from '@/lib/i18n/routing';

describe('pendingLanguageRedirect', () => {
  it('lists the UN languages that are not locales yet', () => {
    expect([...pendingLanguages].sort()).toEqual(['ar', 'es', 'fr', 'ru']);
    expect(UN_LANGUAGES.filter((language) => !pendingLanguages.includes(language))).toEqual([...locales].sort((a, b) => UN_LANGUAGES.indexOf(a) - UN_LANGUAGES.indexOf(b)));
  });

  it('sends each of them, with or without a region, to the same path in English', () => {
    expect(pendingLanguageRedirect('/fr')).toEqual({ language: 'fr', pathname: '/en' });
    expect(pendingLanguageRedirect('/fr/')).toEqual({ language: 'fr', pathname: '/en' });
    expect(pendingLanguageRedirect('/fr/instruments')).toEqual({ language: 'fr', pathname: '/en/instruments' });
    expect(pendingLanguageRedirect('/ar/areas/TA1/summary')).toEqual({ language: 'ar', pathname: '/en/areas/TA1/summary' });
    expect(pendingLanguageRedirect('/ES/summaries')).toEqual({ language: 'es', pathname: '/en/summaries' });
    expect(pendingLanguageRedirect('/ru-RU/commitments')).toEqual({ language: 'ru', pathname: '/en/commitments' });
  });

  it('leaves every other address to the locale routing', () => {
    for (const path of ['/', '/en', '/en/instruments', '/zh/fr', '/instruments', '/frx', '/fr_FR', '/de/instruments']) {
      expect(pendingLanguageRedirect(path), path).toBeNull();
    }
  });
});
