// A paragraph as people type it: a symbol in one field and a number in the other, or a whole
// citation pasted into the symbol field, as each UN language writes it: "A/74/129, para. 27",
// "para. 27 of A/74/129", "A/74/129，第27段", "A/74/129号文件第二十七段", "A/74/129, par. 27",
// "A/74/129, párr. 27", "A/74/129, п. 27", "A/74/129، الفقرة 27", "الفقرة ٢٧ من الوثيقة A/74/129".
// Pure: no database, so that every form of it is unit-tested.

export type ParagraphReference = { symbol: string; number: number };

/**
 * Why a reference was refused, each said in words that tell what to type:
 * missingSymbol: a number but no symbol; missingNumber: a symbol but no paragraph number;
 * badNumber: the number is not a whole number from 1 to 99999; range: several paragraphs at once;
 * conflict: the citation and the number field name different paragraphs.
 */
export type ParagraphReferenceProblem = 'missingSymbol' | 'missingNumber' | 'badNumber' | 'range' | 'conflict';

export type ParsedParagraphReference =
  | { ok: true; reference: ParagraphReference }
  | { ok: false; problem: ParagraphReferenceProblem; field: 'symbol' | 'number' };

const MAX_NUMBER = 99_999;

const CHINESE_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CHINESE_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10_000 };

/** 二十七 -> 27, 一百零五 -> 105, 十二 -> 12; null when it is not a Chinese numeral. */
export function chineseNumeral(text: string): number | null {
  if (!text || ![...text].every((char) => char in CHINESE_DIGITS || char in CHINESE_UNITS)) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const char of text) {
    if (char in CHINESE_DIGITS) {
      digit = CHINESE_DIGITS[char]!;
      continue;
    }
    const unit = CHINESE_UNITS[char]!;
    if (unit === 10_000) {
      total += (section + (digit ?? 0)) * unit;
      section = 0;
    } else {
      // "十二" starts with its unit: one ten.
      section += (digit ?? 1) * unit;
    }
    digit = null;
  }
  return total + section + (digit ?? 0);
}

const DIGIT = '[0-9〇零一二两三四五六七八九十百千万]';
// Between two numbers of several: a dash or "to", "and" in each language ("27-29", "27 and 28",
// "par. 25 à 27", "párrs. 25 y 26", "пп. 25 и 26", "الفقرتان 25 و26", "第27至29段").
const JOIN = '(?:-|–|—|~|至|到|和|、|,|&|and|to|et|à|y|a|al|e|и|по|до|و|إلى|الى|حتى)';
// One number, or several, which are refused in words.
const NUMBERS = `${DIGIT}+(?:\\s*${JOIN}\\s*${DIGIT}+)*`;
// "paragraph" as each UN language abbreviates or writes it, singular and plural: English
// "para."/"paras."/"paragraph", French "par."/"paragraphe", Spanish "párr."/"párrs."/"párrafo"
// (also without the accent), Russian "п."/"пп."/"пункт", Arabic "الفقرة"/"الفقرتان"/"الفقرات".
const WORD = [
  'paragraph(?:e?s|e)?', 'paras?\\.?', 'par\\.?', '¶', '§',
  'p[aá]rrafos?', 'p[aá]rrs?\\.?',
  'пункт(?:а|ы|е|ов|ах|ом)?', 'пп?\\.?',
  '(?:ال)?فقر(?:ة|ات|تان|تين)',
].join('|');
const PARAGRAPH = `(?:(?:${WORD})\\s*${NUMBERS}|第\\s*${NUMBERS}\\s*段?)`;
const SEVERAL = new RegExp(`^${DIGIT}+\\s*${JOIN}\\s*${DIGIT}+`, 'iu');
// A paragraph number as typed on its own: "27", "27.", "para. 27", "par. 27", "п. 27", "第27段".
const NUMBER_AS_TYPED = new RegExp(`^(?:(?:${WORD})\\s*|第\\s*)?(${NUMBERS})\\s*段?\\s*[.。]?$`, 'iu');

/** A paragraph number as typed: "27", "27.", "para. 27", "第27段", "第二十七段"; 'range' for several. */
function numberOf(text: string): number | null | 'range' {
  const numbers = NUMBER_AS_TYPED.exec(text)?.[1];
  if (numbers === undefined) return null;
  if (SEVERAL.test(numbers)) return 'range';
  if (/^\d+$/.test(numbers)) return Number(numbers);
  return chineseNumeral(numbers);
}

// Written after the symbol: ", para. 27", " para 27", " paragraph 27", "(para. 27)", "，第27段",
// "号文件第27段", " ¶ 27", ", par. 27", ", párr. 27", ", п. 27", "، الفقرة 27"; or a bare number after
// a space or a comma (" 27", ", 27"). A symbol never holds a space.
const CITATION_AFTER = new RegExp(
  `^(\\S+?)\\s*(?:号文件|号报告|号决议)?\\s*[,;:]?\\s*\\(?\\s*(${PARAGRAPH})\\s*\\)?\\s*[.。]?$`, 'iu',
);
const BARE_NUMBER_AFTER = /^(\S+?)(?:\s*[,;:]\s*|\s+)(\d+)\s*[.。]?$/u;
// What joins a paragraph written first to its document: "of", "du document", "del documento",
// "документа", "من الوثيقة" ("para. 27 of A/74/129", "الفقرة 27 من الوثيقة A/74/129").
const OF_DOCUMENT = '(?:,\\s*)?(?:(?:of|in|de|du|de la|del|dans|en|в|из|من|في)\\s+)?'
  + '(?:(?:the\\s+)?(?:document|documento|report|rapport|informe|документа|документе|доклада|الوثيقة|التقرير)\\s+)?';
// Written before it: "para. 27 of A/74/129", "paragraph 27, A/74/129", "第27段 A/74/129",
// "par. 27 du document A/74/129", "párr. 27 del documento A/74/129", "п. 27 документа A/74/129".
const CITATION_BEFORE = new RegExp(`^(${PARAGRAPH})\\s*${OF_DOCUMENT}(\\S+?)\\s*[.。]?$`, 'iu');
const ONLY_PARAGRAPH = new RegExp(`^${PARAGRAPH}\\s*[.。]?$`, 'iu');

// Arabic-Indic (٠١٢) and Persian (۰۱۲) digits, as Arabic texts and keyboards write them.
const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/gu;
// Direction marks that text copied from a right-to-left page carries; quotation marks and
// guillemets around a pasted citation (« A/74/129, par. 25 »). Neither is ever part of a symbol.
const MARKS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069«»‹›"“”„]/gu;

/** The text as the patterns read it: ordinary digits, commas and spaces, no marks around it. */
function normalized(text: string): string {
  return text
    .normalize('NFKC')
    .replace(EASTERN_DIGITS, (digit) => String(digit.codePointAt(0)! & 0xf))
    .replace(/،/gu, ',')
    .replace(MARKS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Reads a symbol and a paragraph number from the two fields of the form. Full-width characters
 * (，２７) are read as their ordinary forms. The number field wins only when it agrees with a
 * citation in the symbol field; disagreeing, the reference is refused rather than guessed.
 */
export function parseParagraphReference(symbolField: string, numberField = ''): ParsedParagraphReference {
  const symbolText = normalized(symbolField);
  const numberText = normalized(numberField);

  let symbol = symbolText;
  let cited: number | null | 'range' = null;
  // Only a paragraph ("para. 27"): the document is missing.
  if (ONLY_PARAGRAPH.test(symbolText)) return { ok: false, problem: 'missingSymbol', field: 'symbol' };
  const after = CITATION_AFTER.exec(symbolText) ?? BARE_NUMBER_AFTER.exec(symbolText);
  const before = after ? null : CITATION_BEFORE.exec(symbolText);
  if (after) {
    symbol = after[1]!;
    cited = numberOf(after[2]!);
  } else if (before) {
    symbol = before[2]!;
    cited = numberOf(before[1]!);
  }
  symbol = symbol.replace(/[,;:，]+$/, '').trim();
  if (!symbol || /^\d+$/.test(symbol)) return { ok: false, problem: 'missingSymbol', field: 'symbol' };
  if (cited === 'range') return { ok: false, problem: 'range', field: 'symbol' };

  let typed: number | null | 'range' = null;
  if (numberText) {
    typed = numberOf(numberText);
    if (typed === 'range') return { ok: false, problem: 'range', field: 'number' };
    if (typed === null) return { ok: false, problem: 'badNumber', field: 'number' };
  }
  if (cited !== null && typed !== null && cited !== typed) return { ok: false, problem: 'conflict', field: 'number' };
  const number = typed ?? cited;
  if (number === null) return { ok: false, problem: 'missingNumber', field: 'number' };
  if (!Number.isSafeInteger(number) || number < 1 || number > MAX_NUMBER) return { ok: false, problem: 'badNumber', field: typed !== null ? 'number' : 'symbol' };
  return { ok: true, reference: { symbol, number } };
}
