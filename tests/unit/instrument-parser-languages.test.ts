// The instrument parser on synthetic French, Russian and Arabic outcome documents, each lettered
// as that language's official texts letter items: "a)" in French, "а)", "б)" in Russian, "(أ)",
// "(ب)" in Arabic (paragraphs numbered "1 - "). All wording is synthetic demonstration text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInstrument, type ParsedInstrument } from '@/lib/import/instrument-parser';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/instruments/${name}`, import.meta.url), 'utf8');

function item(parsed: ParsedInstrument, reference: string) {
  const found = parsed.items.find((candidate) => candidate.reference === reference);
  if (!found) throw new Error(`no item ${reference}`);
  return found;
}

const LETTERS = [...'abcdefghij'];
// Six items in the first chapter, ten in the second: far enough for "и)" and "(ط)", the ninth letters.
const REFERENCES = [...LETTERS.slice(0, 6).map((letter) => `1(${letter})`), ...LETTERS.map((letter) => `2(${letter})`)];

type Expected = {
  language: 'fr' | 'ru' | 'ar';
  title: string;
  preamble: string[];
  chapters: string[];
  subheadings: [string, string];
  wrapped: string;
  symbolAcrossLines: string;
  afterFootnote: string;
  /** The line of 1(a) and of 2(a) in the file. */
  lines: [number, number];
  ninth: string;
};

const EXPECTED: Expected[] = [
  {
    language: 'fr',
    title: 'Texte synthétique de démonstration : plan commun fictif sur la coordination des widgets et l’étalonnage des gadgets',
    preamble: [
      'Nous, délégués fictifs d’une assemblée de widgets inventée, réunis dans une salle imaginaire à la seule fin d’essayer un analyseur, notons que ce texte est synthétique ;',
      'Nous observons qu’aucun mot de ce texte ne provient d’un document réel et qu’il imite seulement la mise en page d’un document final ;',
    ],
    chapters: [
      'Recommandations pratiques fictives sur la coordination des widgets et les mesures connexes relatives aux gadgets',
      'Recommandations pratiques fictives sur la disponibilité des gadgets',
    ],
    subheadings: ['Prévention fictive du désalignement des widgets', 'Traitement fictif de l’usure des pignons'],
    wrapped: 'Texte synthétique d’un élément sur l’étalonnage des gadgets, assez long pour continuer sur une deuxième ligne, comme le fait souvent un texte copié ;',
    symbolAcrossLines: 'Texte synthétique d’un élément qui cite le document imaginaire X/CN.9/2016/CRP.7 ;',
    afterFootnote: 'Texte synthétique d’un élément sur les normes de pignons adoptées par le conseil fictif des fabricants de widgets1 et la guilde imaginaire des monteurs ;',
    lines: [22, 40],
    ninth: 'Texte synthétique numéro neuf sur l’accès aux gadgets ;',
  },
  {
    language: 'ru',
    title: 'Синтетический текст для демонстрации: вымышленный общий план по координации виджетов и калибровке гаджетов',
    preamble: [
      'Мы, вымышленные делегаты придуманной ассамблеи виджетов, собравшиеся в воображаемом зале только для проверки анализатора, отмечаем, что этот текст синтетический;',
      'Мы отмечаем, что ни одно слово этого текста не взято из реального документа и что он лишь повторяет макет итогового документа;',
    ],
    chapters: [
      'Вымышленные практические рекомендации по координации виджетов и связанным мерам в отношении гаджетов',
      'Вымышленные практические рекомендации по наличию гаджетов',
    ],
    subheadings: ['Вымышленное предупреждение перекоса виджетов', 'Вымышленная обработка износа звездочек'],
    wrapped: 'Синтетический текст элемента о калибровке гаджетов, достаточно длинный, чтобы продолжиться на второй строке, как это часто бывает со скопированным текстом;',
    symbolAcrossLines: 'Синтетический текст элемента, в котором упомянут воображаемый документ X/CN.9/2016/CRP.7;',
    afterFootnote: 'Синтетический текст элемента о стандартах звездочек, принятых вымышленным советом изготовителей виджетов1 и воображаемой гильдией сборщиков;',
    lines: [22, 40],
    // "и)", the ninth letter of the Russian sequence, is an item, not a roman "i)".
    ninth: 'Синтетический текст номер девять о доступе к гаджетам;',
  },
  {
    language: 'ar',
    title: 'نص اصطناعي لأغراض العرض والاختبار: خطة مشتركة وهمية بشأن تنسيق القطع الوهمية ومعايرة الأجهزة المتخيلة',
    preamble: [
      'إننا، نحن المندوبين الوهميين في جمعية متخيلة للقطع، المجتمعين في قاعة خيالية لغرض وحيد هو اختبار المحلل، نلاحظ أن هذا النص اصطناعي؛',
      'ونلاحظ أن أي كلمة من هذا النص لا تأتي من وثيقة حقيقية وأنه لا يحاكي إلا تنسيق وثيقة ختامية؛',
    ],
    chapters: [
      'توصيات تنفيذية وهمية بشأن تنسيق القطع الوهمية والتدابير المتصلة بالأجهزة المتخيلة، بما في ذلك المعايرة الاصطناعية',
      'توصيات تنفيذية وهمية بشأن توافر الأجهزة المتخيلة',
    ],
    subheadings: ['الوقاية الوهمية من اختلال القطع', 'المعالجة الوهمية لتآكل المسننات'],
    wrapped: 'نص اصطناعي لبند عن معايرة الأجهزة، طويل بما يكفي ليستمر على سطر ثان كما يحدث كثيرا في النصوص المنسوخة؛',
    symbolAcrossLines: 'نص اصطناعي لبند يذكر الوثيقة الخيالية X/CN.9/2016/CRP.7؛',
    afterFootnote: 'نص اصطناعي لبند عن معايير المسننات التي اعتمدها المجلس الوهمي لصانعي القطع ونقابة مركبي الأجهزة المتخيلة؛',
    lines: [21, 37],
    ninth: 'نص اصطناعي رقم تسعة عن الحصول على الأجهزة؛',
  },
];

describe.each(EXPECTED)('an outcome document in $language', (expected) => {
  const text = fixture(`outcome-document.${expected.language}.txt`);
  const parsed = parseInstrument(text, { code: 'TEST2016', language: expected.language });

  it('reads the title and the preamble, leaving the cover lines and page furniture out', () => {
    expect(parsed.language).toBe(expected.language);
    expect(parsed.title).toBe(expected.title);
    expect(parsed.preamble).toEqual(expected.preamble);
  });

  it('reads the numbered chapters with their wrapped titles, and leaves the lead-in out', () => {
    expect(parsed.chapters).toEqual(expected.chapters.map((title, index) => ({ number: index + 1, title })));
  });

  it('cites every item by chapter and the Latin letter at the same place in the sequence', () => {
    expect(parsed.items.map((entry) => entry.reference)).toEqual(REFERENCES);
    expect(parsed.items.map((entry) => entry.letter)).toEqual(REFERENCES.map((reference) => reference.slice(2, -1)));
    expect(parsed.items.every((entry) => entry.paragraph === null)).toBe(true);
    expect(item(parsed, '2(i)').text).toBe(expected.ninth);
  });

  it('gives each item its sub-heading, joins wrapped lines and continues an item after a footnote and a page break', () => {
    const [prevention, treatment] = expected.subheadings;
    expect(parsed.items.filter((entry) => entry.chapter === 1).map((entry) => entry.subheading))
      .toEqual([prevention, prevention, prevention, treatment, treatment, treatment]);
    expect(parsed.items.filter((entry) => entry.chapter === 2).every((entry) => entry.subheading === null)).toBe(true);
    expect(item(parsed, '1(b)').text).toBe(expected.wrapped);
    expect(item(parsed, '1(c)').text).toBe(expected.symbolAcrossLines);
    expect(item(parsed, '1(d)').text).toBe(expected.afterFootnote);
  });

  it('records the line of each item, warns about nothing, and lets no footnote or furniture in', () => {
    expect([item(parsed, '1(a)').line, item(parsed, '2(a)').line]).toEqual(expected.lines);
    expect(parsed.warnings).toEqual([]);
    for (const entry of parsed.items) expect(entry.text).not.toMatch(/16-06812|\d+\/25|A\/RES|_{3,}|\(1\)/);
  });

  it('reads the same text the same way, whatever its line endings', () => {
    expect(parseInstrument(text.replace(/\n/g, '\r\n'), { code: 'TEST2016', language: expected.language })).toEqual(parsed);
  });
});

describe('roman sub-points in French and Russian texts', () => {
  it.each([
    ['fr', 'Texte synthétique d’un élément qui annonce des sous-points : i) premier sous-point fictif sur les engrenages ; ii) second sous-point fictif sur les leviers ;'],
    ['ru', 'Синтетический текст элемента, который вводит подпункты: i) первый вымышленный подпункт о шестеренках; ii) второй вымышленный подпункт о рычагах;'],
  ] as const)('keeps i), ii) inside their item in %s', (language, text) => {
    const parsed = parseInstrument(fixture(`outcome-document.${language}.txt`), { code: 'X', language });
    expect(item(parsed, '1(e)').text).toBe(text);
    expect(item(parsed, '1(f)').letter).toBe('f');
  });
});

describe('lettering and numbering in each alphabet', () => {
  it('reads Russian items lettered with Latin letters too', () => {
    const text = '1. Вымышленная глава о виджетах\na) Синтетический текст пункта;\nb) Синтетический текст пункта.';
    expect(parseInstrument(text, { code: 'X', language: 'ru' }).items.map((entry) => entry.reference)).toEqual(['1(a)', '1(b)']);
  });

  it('follows the Russian sequence, which leaves out ё, й, ъ, ы and ь', () => {
    const letters = [...'абвгдежзиклмнопрстуфхцчшщэюя'];
    const text = ['1. Вымышленная глава о виджетах', ...letters.map((letter) => `${letter}) Синтетический текст пункта;`)].join('\n');
    const parsed = parseInstrument(text, { code: 'X', language: 'ru' });
    expect(parsed.items.map((entry) => entry.letter)).toEqual([...'abcdefghijklmnopqrstuvwxyz', 'aa', 'bb']);
    expect(parsed.warnings).toEqual([]);
  });

  it('follows the Arabic abjad sequence, with هـ written with or without its tatweel', () => {
    const letters = ['أ', 'ب', 'ج', 'د', 'هـ', 'و', 'ز', 'ح', 'ط', 'ي', 'ك', 'ل', 'م', 'ن', 'س', 'ع', 'ف', 'ص', 'ق', 'ر', 'ش', 'ت', 'ث', 'خ', 'ذ', 'ض', 'ظ', 'غ'];
    const text = ['1 - فصل اصطناعي عن القطع الوهمية', ...letters.map((letter) => `(${letter}) نص اصطناعي لبند؛`)].join('\n');
    const parsed = parseInstrument(text, { code: 'X', language: 'ar' });
    expect(parsed.items.map((entry) => entry.letter)).toEqual([...'abcdefghijklmnopqrstuvwxyz', 'aa', 'bb']);
    expect(parsed.warnings).toEqual([]);
    const variants = '1 - فصل اصطناعي عن القطع الوهمية\n(ا) نص اصطناعي لبند؛\n(ب) نص اصطناعي لبند؛\n(ج) نص اصطناعي لبند؛\n(د) نص اصطناعي لبند؛\n(ه) نص اصطناعي لبند.';
    expect(parseInstrument(variants, { code: 'X', language: 'ar' }).items.map((entry) => entry.reference)).toEqual(['1(a)', '1(b)', '1(c)', '1(d)', '1(e)']);
  });

  it('reads an Arabic resolution\'s operative paragraphs numbered "1 - " or "١ - ", with lettered sub-items', () => {
    const text = [
      'إن الجمعية العامة الوهمية،',
      'إذ تشير إلى نص اصطناعي لأغراض الاختبار،',
      '١ - تؤكد من جديد نصا اصطناعيا لأغراض الاختبار فقط؛',
      '٢ - تطلب إلى الأمانة الوهمية ما يلي:',
      '(أ) إعداد تقرير اصطناعي عن القطع؛',
      '(ب) عقد اجتماع وهمي عن الأجهزة؛',
      '3 - تقرر أن تبقي هذه المسألة الاصطناعية قيد نظرها.',
    ].join('\n');
    const parsed = parseInstrument(text, { code: 'X', language: 'ar' });
    expect(parsed.items.map((entry) => [entry.reference, entry.paragraph, entry.letter])).toEqual([
      ['para. 1', 1, null],
      ['para. 2', 2, null],
      ['para. 2(a)', 2, 'a'],
      ['para. 2(b)', 2, 'b'],
      ['para. 3', 3, null],
    ]);
    expect(item(parsed, 'para. 2(b)').text).toBe('عقد اجتماع وهمي عن الأجهزة؛');
    expect(parsed.warnings).toEqual([]);
  });

  it('reads "1 - " as a number only in Arabic texts', () => {
    const text = '1. Invented chapter about widgets\n(a) Invented item text;\n2 - invented words that merely start with a number.';
    const parsed = parseInstrument(text, { code: 'X', language: 'en' });
    expect(parsed.items.map((entry) => entry.reference)).toEqual(['1(a)']);
    expect(item(parsed, '1(a)').text).toBe('Invented item text; 2 - invented words that merely start with a number.');
  });
});
