// Citations as each UN language writes them, from the message catalogues themselves
// (documents.citation, catalogue.citation with displayReference), and read back by the
// evidence form's paragraph reader: what the interface shows can be pasted back into it.
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { displayReference } from '@/lib/catalogue/reference';
import { parseParagraphReference } from '@/lib/evidence/paragraph-reference';
import type { Locale } from '@/lib/i18n/routing';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import es from '@/messages/es.json';
import fr from '@/messages/fr.json';
import ru from '@/messages/ru.json';
import zh from '@/messages/zh.json';

const catalogues = { en, zh, fr, es, ru, ar } as unknown as Record<string, typeof en>;
const translator = (locale: string) => createTranslator({ locale: locale as Locale, messages: catalogues[locale]! });

const PARAGRAPH_CITATIONS: [string, string][] = [
  ['en', 'A/74/129, para. 25'],
  ['zh', 'A/74/129，第25段'],
  ['fr', 'A/74/129, par. 25'],
  ['es', 'A/74/129, párr. 25'],
  ['ru', 'A/74/129, п. 25'],
  ['ar', 'A/74/129، الفقرة 25'],
];

describe('a document paragraph cited in each language (documents.citation)', () => {
  it.each(PARAGRAPH_CITATIONS)('writes %s as %s', (locale, expected) => {
    expect(translator(locale)('documents.citation', { symbol: 'A/74/129', number: 25 })).toBe(expected);
  });

  it.each(PARAGRAPH_CITATIONS)('reads the %s citation back as the same symbol and number', (locale) => {
    const citation = translator(locale)('documents.citation', { symbol: 'A/74/129', number: 25 });
    expect(parseParagraphReference(citation)).toEqual({ ok: true, reference: { symbol: 'A/74/129', number: 25 } });
    // Pasted into the symbol field with the number typed too.
    expect(parseParagraphReference(citation, '25')).toEqual({ ok: true, reference: { symbol: 'A/74/129', number: 25 } });
  });
});

describe('an operative paragraph of an instrument (displayReference)', () => {
  it.each([
    ['en', 'para. 5', 'para. 5(b)'],
    ['zh', '第5段', '第5(b)段'],
    ['fr', 'par. 5', 'par. 5 b)'],
    ['es', 'párr. 5', 'párr. 5 b)'],
    ['ru', 'п. 5', 'п. 5 b)'],
    ['ar', 'الفقرة 5', 'الفقرة 5 (b)'],
  ])('reads in %s as %s and %s', (locale, paragraph, subParagraph) => {
    expect(displayReference('para. 5', locale)).toBe(paragraph);
    expect(displayReference('para. 5(b)', locale)).toBe(subParagraph);
    expect(displayReference('para. 12(aa)', locale)).toContain('aa');
  });

  it('keeps chapter items and unknown forms as stored, in every language', () => {
    for (const locale of ['en', 'zh', 'fr', 'es', 'ru', 'ar', 'de']) {
      expect(displayReference('4(g)', locale)).toBe('4(g)');
      expect(displayReference('2(aa)', locale)).toBe('2(aa)');
    }
    expect(displayReference('para. 5', 'de')).toBe('para. 5');
  });

  it.each([
    ['en', 'A/RES/73/192, para. 5'],
    ['zh', 'A/RES/73/192，第5段'],
    ['fr', 'A/RES/73/192, par. 5'],
    ['es', 'A/RES/73/192, párr. 5'],
    ['ru', 'A/RES/73/192, п. 5'],
    ['ar', 'A/RES/73/192، الفقرة 5'],
  ])('cites it in %s as %s (catalogue.citation), which reads back as the same paragraph', (locale, expected) => {
    const citation = translator(locale)('catalogue.citation', { symbol: 'A/RES/73/192', reference: displayReference('para. 5', locale) });
    expect(citation).toBe(expected);
    expect(parseParagraphReference(citation)).toEqual({ ok: true, reference: { symbol: 'A/RES/73/192', number: 5 } });
  });
});
