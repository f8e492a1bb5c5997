// References are stored as English citations ("1(a)", "para. 5(b)"): they are the key that
// translations are attached by. Shown, an operative paragraph reads as the language cites it,
// with the abbreviation of its UN texts: "par. 5 b)" in French, "párr. 5 b)" in Spanish, "п. 5 b)"
// in Russian (French, Spanish and Russian texts close a sub-paragraph's letter with ")" only),
// "الفقرة 5 (b)" in Arabic, "第5(b)段" in Chinese. The letter stays the key's Latin one, so that
// what is shown is what is searched for; chapter items ("1(a)") read the same in every language.
const PARAGRAPH = /^para\. (\d+)(?:\(([a-z]+)\))?$/;

const FORMS: Record<string, (number: string, letter: string | undefined) => string> = {
  zh: (number, letter) => `第${number}${letter ? `(${letter})` : ''}段`,
  fr: (number, letter) => `par. ${number}${letter ? ` ${letter})` : ''}`,
  es: (number, letter) => `párr. ${number}${letter ? ` ${letter})` : ''}`,
  ru: (number, letter) => `п. ${number}${letter ? ` ${letter})` : ''}`,
  ar: (number, letter) => `الفقرة ${number}${letter ? ` (${letter})` : ''}`,
};

export function displayReference(reference: string, locale: string): string {
  const match = PARAGRAPH.exec(reference);
  const form = FORMS[locale];
  if (!match || !form) return reference;
  return form(match[1]!, match[2]);
}
