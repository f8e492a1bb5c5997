// The parser on synthetic texts in the official layouts. All wording is invented: official
// text is never written into tests.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  INSTRUMENT_PARSE_ERROR_CODES,
  InstrumentParseError,
  MAX_INSTRUMENT_BYTES,
  parseInstrument,
  type InstrumentParseErrorCode,
  type ParsedInstrument,
} from '@/lib/import/instrument-parser';

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/instruments/${name}`, import.meta.url), 'utf8');
}

function parseError(run: () => unknown): InstrumentParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof InstrumentParseError) return error;
    throw error;
  }
  throw new Error('expected an InstrumentParseError');
}

function expectCode(run: () => unknown, code: InstrumentParseErrorCode) {
  const error = parseError(run);
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(10);
}

function item(parsed: ParsedInstrument, reference: string) {
  const found = parsed.items.find((candidate) => candidate.reference === reference);
  if (!found) throw new Error(`no item ${reference}`);
  return found;
}

/** Everything the parser produced as text: none of it may contain furniture or footnotes. */
function allOutputText(parsed: ParsedInstrument): string[] {
  return [
    parsed.title ?? '',
    ...parsed.preamble,
    ...parsed.chapters.map((chapter) => chapter.title),
    ...parsed.items.flatMap((entry) => [entry.text, entry.subheading ?? '']),
  ];
}

const letters = (to: string) => {
  const sequence = 'abcdefghijklmnopqrstuvwxyz'.split('');
  return [...sequence.slice(0, sequence.indexOf(to) + 1)];
};

describe('outcome document (UNGASS-like, English)', () => {
  const parsed = parseInstrument(fixture('outcome-document.en.txt'), { code: 'TEST2016', language: 'en' });

  it('reads the title, skipping the cover lines and page furniture before it', () => {
    expect(parsed.code).toBe('TEST2016');
    expect(parsed.language).toBe('en');
    expect(parsed.title).toBe('Invented joint outline on widget coordination and the calibration of gadgets for parser testing');
  });

  it('keeps the unnumbered preamble apart, one entry per paragraph, as no commitment', () => {
    expect(parsed.preamble).toEqual([
      'We, the invented delegates of the fictional widget assembly, gathered in a made-up hall for the sole purpose of testing a parser, note that this text is invented;',
      'We observe that none of the wording in this fixture comes from any real document and that it only imitates the layout of an outcome document;',
    ]);
    expect(parsed.items.some((entry) => entry.text.startsWith('We '))).toBe(false);
  });

  it('reads the chapters with their wrapped titles, and leaves the lead-in out', () => {
    expect(parsed.chapters).toEqual([
      {
        number: 1,
        title:
          'Operational recommendations on invented widget coordination and related gadget measures, including synthetic calibration and the treatment of sprockets, as well as other fictional matters',
      },
      { number: 2, title: 'Operational recommendations on invented gadget availability and access for fictional calibration purposes' },
      // The title's line is nearly full, so only the document's other chapters show that the lead-in is not part of it.
      { number: 3, title: 'Operational recommendations on invented cross-cutting sprocket issues' },
    ]);
    expect(allOutputText(parsed).some((text) => text.includes('We recommend'))).toBe(false);
  });

  it('cites every item as chapter and letter, with lettering past (z) to (aa), (bb)', () => {
    expect(parsed.items.map((entry) => entry.reference)).toEqual([
      ...letters('f').map((letter) => `1(${letter})`),
      ...letters('z').map((letter) => `2(${letter})`),
      '2(aa)',
      '2(bb)',
      ...letters('d').map((letter) => `3(${letter})`),
    ]);
    expect(item(parsed, '2(aa)')).toMatchObject({ chapter: 2, paragraph: null, letter: 'aa' });
    expect(item(parsed, '2(aa)').text).toBe(
      'Invented item text number twenty-seven, which wraps onto another line because the lettering has gone past the end of the alphabet;',
    );
  });

  it('gives each item the sub-heading above it; lettering continues across sub-headings and restarts per chapter', () => {
    const subheadings = (chapter: number) => parsed.items.filter((entry) => entry.chapter === chapter).map((entry) => entry.subheading);
    const prevention = 'Invented prevention of widget misalignment';
    const treatment = 'Invented treatment of sprocket wear, recovery of cogs and the reintegration of flywheels';
    expect(subheadings(1)).toEqual([prevention, prevention, prevention, treatment, treatment, treatment]);
    const access = 'Invented sub-heading on gadget access';
    expect(subheadings(2)).toEqual([...Array<null>(13).fill(null), ...Array<string>(15).fill(access)]);
    expect(subheadings(3)).toEqual([null, null, null, null]);
    expect(item(parsed, '2(n)').letter).toBe('n');
  });

  it('joins wrapped lines, across blank lines too, keeping hyphens and slashes at line ends', () => {
    expect(item(parsed, '1(b)').text).toBe(
      'Invented item text about gadget calibration that is long enough to wrap onto a second line of the fixture, as copied text often does;',
    );
    expect(item(parsed, '1(c)').text).toBe(
      'Invented item text that mentions the imaginary document X/CN.9/2016/CRP.7 and the made-up compound WIDGET-4X-GADGET;',
    );
  });

  it('continues an item after a footnote block and a page break, leaving the footnote marker glued to its word', () => {
    expect(item(parsed, '1(d)').text).toBe(
      'Invented item text about sprocket standards agreed by the fictional council of widget makers2 and the imaginary guild of gadget builders;',
    );
  });

  it('keeps a sentence that starts on a new line inside its item', () => {
    expect(item(parsed, '1(e)').text).toBe(
      'Invented item text that ends a sentence at the very end of this line. Another invented sentence continues the same item to test wrapping;',
    );
  });

  it('keeps roman sub-points (i), (ii) inside their item instead of reading them as letters', () => {
    expect(item(parsed, '3(c)').text).toBe(
      'Invented item text that introduces sub-points: (i) invented first sub-point about cogs; (ii) invented second sub-point about levers;',
    );
    expect(item(parsed, '3(d)').text).toBe('Invented item text closing the fixture.');
  });

  it('never lets footnotes or page furniture into any text', () => {
    for (const text of allOutputText(parsed)) {
      expect(text).not.toMatch(/footnote|16-06812|\d+\/25|A\/RES|\*1606812\*|_{3,}/);
    }
  });

  it('records the line of each item and has nothing to warn about', () => {
    expect(item(parsed, '1(a)').line).toBe(24);
    expect(item(parsed, '2(r)').line).toBe(67);
    expect(parsed.warnings).toEqual([]);
  });

  it('reads the same text the same way, whatever its line endings', () => {
    const text = fixture('outcome-document.en.txt');
    expect(parseInstrument(text, { code: 'TEST2016', language: 'en' })).toEqual(parsed);
    expect(parseInstrument(text.replace(/\n/g, '\r\n'), { code: 'TEST2016', language: 'en' })).toEqual(parsed);
  });
});

describe('General Assembly resolution layout', () => {
  const parsed = parseInstrument(fixture('resolution.en.txt'), { code: 'GA99/999', language: 'en' });

  it('takes the numbered title, without its resolution number, and leaves the cover lines out', () => {
    expect(parsed.title).toBe('Invented cooperation on widget standards');
  });

  it('keeps the preambular paragraphs apart', () => {
    expect(parsed.preamble).toEqual([
      'The General Assembly,',
      'Recalling its invented resolution 98/998 of 2 January 2098 on widget standards, and noting the fictional context of this fixture,',
      'Noting with invented concern the imaginary shortage of sprockets in the fictional markets described only in this text,',
    ]);
  });

  it('reads operative paragraphs as "para. n" and their sub-items as "para. n(x)"; a paragraph with sub-items is an item too', () => {
    expect(parsed.chapters).toEqual([]);
    expect(parsed.items.map((entry) => [entry.reference, entry.paragraph, entry.letter, entry.chapter])).toEqual([
      ['para. 1', 1, null, null],
      ['para. 2', 2, null, null],
      ['para. 2(a)', 2, 'a', null],
      ['para. 2(b)', 2, 'b', null],
      ['para. 3', 3, null, null],
      ['para. 4', 4, null, null],
      ['para. 5', 5, null, null],
    ]);
    expect(item(parsed, 'para. 2').text).toBe('Requests the fictional secretariat, in consultation with the invented Widget Standards Board, to:');
    expect(item(parsed, 'para. 2(b)').text).toBe('Convene an imaginary meeting on gadget calibration;');
  });

  it('does not take a paragraph whose wrapped line starts with a capital for a chapter title', () => {
    expect(item(parsed, 'para. 3').text).toBe(
      'Invites invented Member States to share fictional information with the Imaginary Office on Widgets and Gadgets,1 and to report on it;',
    );
  });

  it('leaves out the footnote, the page furniture and the closing meeting lines, and says what it left out', () => {
    for (const text of allOutputText(parsed)) expect(text).not.toMatch(/footnote|plenary|2\/3|A\/RES/);
    expect(item(parsed, 'para. 5').text).toBe('Decides to remain seized of this invented matter.');
    expect(parsed.warnings).toEqual([
      expect.objectContaining({ code: 'unknown-layout', line: 28, reference: null }),
    ]);
  });
});

describe('outcome document in Chinese', () => {
  const parsed = parseInstrument(fixture('outcome-document.zh.txt'), { code: 'TEST2016', language: 'zh' });

  it('reads chapters numbered 一、, 2. and 三. with a wrapped title joined without spaces', () => {
    expect(parsed.title).toBe('虚构的部件协调成果文件');
    expect(parsed.chapters).toEqual([
      { number: 1, title: '关于虚构部件协调及相关齿轮措施的业务建议，包括合成校准和链轮处理以及其他虚构事项' },
      { number: 2, title: '关于虚构齿轮供应的业务建议' },
      { number: 3, title: '关于虚构链轮问题的业务建议' },
    ]);
  });

  it('keeps the preamble apart, joined without spaces across blank lines', () => {
    expect(parsed.preamble).toEqual([
      '我们，虚构部件大会的代表，仅为测试解析器而聚集于此，注意到本文本的全部措辞均为虚构；',
      '我们认为本文本不取自任何真实文件，仅模仿成果文件的版式；',
    ]);
  });

  it('reads full-width lettering （a） as items cited "1(a)", with their sub-heading', () => {
    expect(parsed.items.map((entry) => [entry.reference, entry.subheading])).toEqual([
      ['1(a)', null],
      ['1(b)', null],
      ['1(c)', '虚构小标题：链轮磨损的处理'],
      ['2(a)', null],
      ['2(b)', null],
      ['3(a)', null],
    ]);
  });

  it('joins Chinese lines without spaces, keeps the spaces inside a line, and continues an item after a footnote', () => {
    expect(item(parsed, '1(b)').text).toBe('虚构条目文本，涉及齿轮校准，该文本足够长，因此跨越两行并在下一行继续，以测试中文换行的连接；');
    expect(item(parsed, '1(c)').text).toBe('虚构条目文本，提及第 99/999 号虚构决议和 2099 年的虚构会议，并在此处继续；');
    for (const text of allOutputText(parsed)) expect(text).not.toMatch(/脚注|16-06812|我们建议/);
    expect(parsed.warnings).toEqual([]);
  });
});

describe('warnings', () => {
  const parsed = parseInstrument(fixture('broken.en.txt'), { code: 'BROKEN', language: 'en' });

  it('reports a gap and a repeat in the lettering, an empty item and a chapter out of sequence, and still reads the items', () => {
    expect(parsed.warnings.map((warning) => [warning.code, warning.reference, warning.line])).toEqual([
      ['lettering-gap', '1(e)', 7],
      ['lettering-repeat', '1(e)', 8],
      ['empty-item', '1(f)', 9],
      ['chapter-gap', null, 11],
    ]);
    expect(parsed.warnings[0]!.message).toBe('In chapter 1, (d) is missing before (e).');
    expect(parsed.items.map((entry) => entry.reference)).toEqual(['1(a)', '1(b)', '1(c)', '1(e)', '1(e)', '1(f)', '1(g)', '3(a)']);
    expect(item(parsed, '1(f)').text).toBe('');
  });

  it('reports an item that belongs to no chapter or paragraph, and leaves it out', () => {
    const text = 'Invented title\n(a) Invented stray item;\n1. Invented operative paragraph;';
    const result = parseInstrument(text, { code: 'X', language: 'en' });
    expect(result.items.map((entry) => entry.reference)).toEqual(['para. 1']);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'unknown-layout', line: 2 })]);
  });

  it('reports paragraphs out of sequence', () => {
    const result = parseInstrument('1. Invented first paragraph;\n3. Invented third paragraph.', { code: 'X', language: 'en' });
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'paragraph-gap', reference: 'para. 3', line: 2 })]);
  });

  it('warns about a single item in another script when the rest of a long text is in the declared language', () => {
    const lines = ['1. Invented chapter on widgets'];
    for (const letter of letters('k')) lines.push(`(${letter}) Invented item text about widget matters number ${letter};`);
    lines.push('(l) 虚构条目文本，涉及齿轮校准；');
    const result = parseInstrument(lines.join('\n'), { code: 'X', language: 'en' });
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'script-mismatch', reference: '1(l)', line: 13 })]);
  });
});

describe('other layouts', () => {
  it('gives a sub-heading between operative paragraphs to the paragraphs that follow it', () => {
    const text = [
      '1. Invented first paragraph about widgets;',
      'Invented section heading',
      '2. Invented second paragraph about gadgets;',
      '3. Invented third paragraph about sprockets.',
    ].join('\n');
    const result = parseInstrument(text, { code: 'X', language: 'en' });
    expect(result.items.map((entry) => [entry.reference, entry.subheading])).toEqual([
      ['para. 1', null],
      ['para. 2', 'Invented section heading'],
      ['para. 3', 'Invented section heading'],
    ]);
  });

  it('reads French and Spanish lettering "a)" without the opening parenthesis', () => {
    const text = '1. Recommandations inventées sur les widgets\na) Texte inventé sur les widgets ;\nb) Texte inventé sur les engrenages.';
    const result = parseInstrument(text, { code: 'X', language: 'fr' });
    expect(result.items.map((entry) => [entry.reference, entry.text])).toEqual([
      ['1(a)', 'Texte inventé sur les widgets ;'],
      ['1(b)', 'Texte inventé sur les engrenages.'],
    ]);
  });

  // Russian (а), б)) and Arabic ((أ), (ب)) lettering is read in texts in those languages
  // (instrument-parser-languages.test.ts); in another language's text it is not guessed.
  it('reports lettering in an alphabet the language does not letter with, rather than guessing', () => {
    const text = '1. Invented chapter about widgets\nб) Invented item text;\n(ب) Invented item text.';
    const result = parseInstrument(text, { code: 'X', language: 'en' });
    expect(result.warnings.map((warning) => [warning.code, warning.line])).toEqual([
      ['unknown-layout', 2],
      ['unknown-layout', 3],
    ]);
  });
});

describe('fatal errors', () => {
  it('exports every error code for the interface to translate', () => {
    expect([...INSTRUMENT_PARSE_ERROR_CODES].sort()).toEqual(['empty', 'language-mismatch', 'not-an-instrument', 'too-large', 'unsupported-language']);
  });

  it('refuses an empty or blank text', () => {
    expectCode(() => parseInstrument('', { code: 'X', language: 'en' }), 'empty');
    expectCode(() => parseInstrument(' \n\t\r\n\u00A0\u3000\n', { code: 'X', language: 'zh' }), 'empty');
  });

  it('refuses a text over 5 MB, counted in UTF-8 bytes', () => {
    expectCode(() => parseInstrument('x'.repeat(MAX_INSTRUMENT_BYTES + 1), { code: 'X', language: 'en' }), 'too-large');
    // 1.8 million Chinese characters: fewer characters than the limit, but 5.4 million bytes.
    expectCode(() => parseInstrument('虚'.repeat(1_800_000), { code: 'X', language: 'zh' }), 'too-large');
    // Exactly at the limit the text is read (and found not to be an instrument).
    expectCode(() => parseInstrument('x'.repeat(MAX_INSTRUMENT_BYTES), { code: 'X', language: 'en' }), 'not-an-instrument');
  });

  it('refuses plain prose: no chapter item and no operative paragraph', () => {
    expectCode(() => parseInstrument(fixture('prose.en.txt'), { code: 'X', language: 'en' }), 'not-an-instrument');
  });

  it('refuses a text in another script than the declared language', () => {
    expectCode(() => parseInstrument(fixture('outcome-document.en.txt'), { code: 'X', language: 'zh' }), 'language-mismatch');
    expectCode(() => parseInstrument(fixture('outcome-document.zh.txt'), { code: 'X', language: 'en' }), 'language-mismatch');
    expectCode(() => parseInstrument(fixture('outcome-document.en.txt'), { code: 'X', language: 'ru' }), 'language-mismatch');
  });

  it('refuses a text whose items mix languages, naming the first offending items', () => {
    const error = parseError(() => parseInstrument(fixture('mixed-languages.en.txt'), { code: 'X', language: 'en' }));
    expect(error.code).toBe('language-mismatch');
    expect(error.references).toEqual(['1(b)', '1(d)']);
    expect(error.message).toContain('1(b), 1(d)');
  });

  it('refuses a language other than the six official ones', () => {
    expectCode(() => parseInstrument(fixture('outcome-document.en.txt'), { code: 'X', language: 'de' }), 'unsupported-language');
    expectCode(() => parseInstrument(fixture('outcome-document.en.txt'), { code: 'X', language: 'EN' }), 'unsupported-language');
  });
});
