// Addresses in a regional form or another case of a locale reach the page in that locale.
import { describe, expect, it } from 'vitest';
import { localeVariantRedirect, locales, UN_LANGUAGES } from '@/lib/i18n/routing';

describe('localeVariantRedirect', () => {
  it('offers the interface in the six UN languages', () => {
    expect([...locales].sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    expect(locales).toEqual(UN_LANGUAGES);
  });

  it('sends a regional form or another case to the same page in the locale', () => {
    expect(localeVariantRedirect('/fr-CA')).toBe('/fr');
    expect(localeVariantRedirect('/fr-ca/')).toBe('/fr');
    expect(localeVariantRedirect('/ES/summaries')).toBe('/es/summaries');
    expect(localeVariantRedirect('/ru-RU/commitments')).toBe('/ru/commitments');
    expect(localeVariantRedirect('/ar-EG/areas/TA1/summary')).toBe('/ar/areas/TA1/summary');
    expect(localeVariantRedirect('/zh-Hans-CN/documents')).toBe('/zh/documents');
  });

  it('leaves every other address to the locale routing', () => {
    for (const path of ['/', '/en', '/fr/instruments', '/zh/fr-CA', '/instruments', '/frx', '/fr_FR', '/de/instruments', '/de-DE']) {
      expect(localeVariantRedirect(path), path).toBeNull();
    }
  });
});
