// Languages in the UN order and lists as each language writes them (lib/i18n/lists.ts).
import { describe, expect, it } from 'vitest';
import { inUnOrder, languageList, sentenceGap } from '@/lib/i18n/lists';

const NAMES: Record<string, Record<string, string>> = {
  en: { ar: 'Arabic', zh: 'Chinese', en: 'English', fr: 'French', ru: 'Russian', es: 'Spanish' },
  zh: { ar: '阿拉伯文', zh: '中文', en: '英文', fr: '法文', ru: '俄文', es: '西班牙文' },
  fr: { ar: 'arabe', zh: 'chinois', en: 'anglais', fr: 'français', ru: 'russe', es: 'espagnol' },
  es: { ar: 'árabe', zh: 'chino', en: 'inglés', fr: 'francés', ru: 'ruso', es: 'español' },
  ru: { ar: 'арабский', zh: 'китайский', en: 'английский', fr: 'французский', ru: 'русский', es: 'испанский' },
};
const all = ['zh', 'es', 'en', 'ru', 'ar', 'fr'];
const named = (locale: string) => inUnOrder(all, (code) => NAMES[locale]![code]!, locale).map((code) => NAMES[locale]![code]);

describe('the UN order of languages', () => {
  it('is Arabic, Chinese, English, French, Russian, Spanish in English and in Chinese', () => {
    expect(named('en')).toEqual(['Arabic', 'Chinese', 'English', 'French', 'Russian', 'Spanish']);
    expect(named('zh')).toEqual(['阿拉伯文', '中文', '英文', '法文', '俄文', '西班牙文']);
  });

  it('follows each other language\'s own alphabet', () => {
    expect(named('fr')).toEqual(['anglais', 'arabe', 'chinois', 'espagnol', 'français', 'russe']);
    expect(named('es')).toEqual(['árabe', 'chino', 'español', 'francés', 'inglés', 'ruso']);
    expect(named('ru')).toEqual(['английский', 'арабский', 'испанский', 'китайский', 'русский', 'французский']);
  });

  it('writes the list with the language\'s own separator', () => {
    expect(languageList(['en', 'zh'], (code) => NAMES.zh![code]!, 'zh', '、')).toBe('中文、英文');
    expect(languageList(['zh', 'en'], (code) => NAMES.en![code]!, 'en', ', ')).toBe('Chinese, English');
  });

  it('puts no space after a Chinese full stop', () => {
    expect(sentenceGap('zh')).toBe('');
    expect(sentenceGap('en')).toBe(' ');
  });
});
