import { describe, expect, it } from 'vitest';
import { inLocale, isLocalizable, localizedPath, unlocalizedPath } from '@/lib/i18n/localized-path';

// The addresses next-intl's navigation wrote before lib/i18n/navigation.ts replaced it.
describe('addresses in a locale', () => {
  it('put the locale before a path of this site, without a trailing slash', () => {
    expect(localizedPath('/worklist?entity=MEX', 'en')).toBe('/en/worklist?entity=MEX');
    expect(localizedPath('/', 'zh')).toBe('/zh');
    expect(localizedPath('/?q=1', 'en')).toBe('/en?q=1');
    expect(localizedPath('/reports/2026/MEX/abc#evidence', 'en')).toBe('/en/reports/2026/MEX/abc#evidence');
  });

  it('leave other sites, other schemes and relative addresses as they are', () => {
    expect(localizedPath('https://undocs.org/A/74/129', 'en')).toBe('https://undocs.org/A/74/129');
    expect(localizedPath('mailto:someone@example.org', 'en')).toBe('mailto:someone@example.org');
    expect(localizedPath('#main', 'en')).toBe('#main');
    expect(isLocalizable({ pathname: '/summaries' })).toBe(true);
    expect(isLocalizable({ pathname: '/x', host: 'example.org' })).toBe(false);
  });

  it('take the locale off a path that has it', () => {
    expect(unlocalizedPath('/en/worklist/upload', 'en')).toBe('/worklist/upload');
    expect(unlocalizedPath('/en', 'en')).toBe('/');
    expect(unlocalizedPath('/english', 'en')).toBe('/english');
    expect(unlocalizedPath('/zh/worklist', 'en')).toBe('/zh/worklist');
    expect(unlocalizedPath('/en?x=1', 'en')).toBe('/?x=1');
    expect(unlocalizedPath('/en#top', 'en')).toBe('/#top');
  });

  it('move a path from one locale to another', () => {
    expect(inLocale('/en/dashboard', 'en', 'fr')).toBe('/fr/dashboard');
    expect(inLocale('/en?x=1', 'en', 'ar')).toBe('/ar?x=1');
    expect(inLocale('/en', 'en', 'ru')).toBe('/ru');
    expect(inLocale('/en/search?q=a&q=b#r', 'en', 'es')).toBe('/es/search?q=a&q=b#r');
  });
});
