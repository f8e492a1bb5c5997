// Checks every document parser makes before reading a text: the declared language is one of the
// six official languages, the text is not too large, and its letters are in that language's script.
import { detectScript, type ScriptCounts } from './text';
import { UN_LANGUAGES, type UnLanguage } from '@/lib/i18n/routing';

export const OFFICIAL_LANGUAGES = UN_LANGUAGES;
export type OfficialLanguage = UnLanguage;

/**
 * Values of a parse error for the message catalogue, which words them in the reader's language:
 * codes (a language, a script), counts and references, never English prose.
 */
export type ParseErrorValues = Record<string, string | number>;

export const LANGUAGE_NAMES: Record<OfficialLanguage, string> = {
  ar: 'Arabic', en: 'English', es: 'Spanish', fr: 'French', ru: 'Russian', zh: 'Chinese',
};

/** Whether the UTF-8 encoding of `text` is longer than `limit` bytes, without encoding it. */
export function exceedsBytes(text: string, limit: number): boolean {
  if (text.length > limit) return true; // every UTF-16 unit takes at least one byte
  if (text.length * 3 <= limit) return false; // and at most three (a surrogate pair takes four for two)
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes > limit;
}

const EXPECTED_SCRIPT: Record<OfficialLanguage, keyof ScriptCounts> = {
  ar: 'arabic', en: 'latin', es: 'latin', fr: 'latin', ru: 'cyrillic', zh: 'cjk',
};
export const SCRIPT_NAMES: Record<keyof ScriptCounts, string> = { cjk: 'Chinese', latin: 'Latin', cyrillic: 'Cyrillic', arabic: 'Arabic' };

/** The script most letters are in, when it is not the language's; null when they match or there are no letters. */
export function foreignScript(text: string, language: OfficialLanguage): keyof ScriptCounts | null {
  const counts = detectScript(text);
  const total = counts.cjk + counts.latin + counts.cyrillic + counts.arabic;
  const expected = EXPECTED_SCRIPT[language];
  if (total === 0 || counts[expected] * 2 >= total) return null;
  const scripts = Object.keys(counts) as (keyof ScriptCounts)[];
  return scripts.reduce((best, script) => (counts[script] > counts[best] ? script : best));
}
