// The report parser on the real A/74/129 (Chinese, text extracted from the PDF) and on synthetic
// reports whose wording is invented.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MAX_REPORT_BYTES,
  ReportParseError,
  mapSectionsToThematicAreas,
  parseReport,
  thematicAreaOfSection,
  type ParsedReport,
  type ReportParseErrorCode,
} from '@/lib/import/report-parser';
import { THEMATIC_AREAS } from '@/prisma/seed/reference-data';

function readText(path: string): string {
  return readFileSync(new URL(path, import.meta.url), 'utf8');
}

const fixture = (name: string) => readText(`../fixtures/reports/${name}`);

function parseError(run: () => unknown): ReportParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof ReportParseError) return error;
    throw error;
  }
  throw new Error('expected a ReportParseError');
}

function expectCode(run: () => unknown, code: ReportParseErrorCode) {
  const error = parseError(run);
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(10);
}

function paragraph(parsed: ParsedReport, number: number) {
  const found = parsed.paragraphs.find((candidate) => candidate.number === number);
  if (!found) throw new Error(`no paragraph ${number}`);
  return found;
}

/** [first, last, value]: paragraphs first to last have value. */
type Ranges<T> = [number, number, T][];

function expand<T>(ranges: Ranges<T>): [number, T][] {
  return ranges.flatMap(([first, last, value]) => Array.from({ length: last - first + 1 }, (_, i): [number, T] => [first + i, value]));
}

const AREAS = THEMATIC_AREAS.map((area) => ({ code: area.code, parentCode: area.parentCode, titles: area.title }));

describe('A/74/129 (Chinese)', () => {
  const text = readText('../../prisma/seed/documents/A-74-129.zh.txt');
  const parsed = parseReport(text, { symbol: 'A/74/129', language: 'zh' });

  it('keeps the symbol and language, and reads the title from the cover', () => {
    expect(parsed.symbol).toBe('A/74/129');
    expect(parsed.language).toBe('zh');
    expect(parsed.title).toBe('国际合作对付世界毒品问题');
  });

  it('reads 102 paragraphs numbered 1 to 102 in order, without warnings', () => {
    expect(parsed.paragraphs.map((entry) => entry.number)).toEqual(Array.from({ length: 102 }, (_, i) => i + 1));
    expect(parsed.warnings).toEqual([]);
  });

  it('leaves the summary out: it is front matter, not paragraphs', () => {
    expect(parsed.paragraphs[0]!.text.startsWith('本报告根据大会第 73/192 号决议编写，概述当前世界毒品局势')).toBe(true);
    expect(parsed.paragraphs.some((entry) => entry.text.includes('本报告还介绍了麻醉药品委员会及其附属机构'))).toBe(false);
  });

  it('reads the sections in order, with Chinese numerals as Roman ones and sub-sections under their sections', () => {
    expect(parsed.sections.map((section) => section.path)).toEqual([
      'I', 'II', 'III', 'III.A', 'III.A.1', 'III.A.2', 'III.B',
      'IV', 'IV.A', 'IV.B', 'IV.C', 'IV.C.1', 'IV.C.2', 'IV.C.3', 'IV.D', 'IV.D.1', 'IV.D.2',
      'IV.E', 'IV.E.1', 'IV.E.2', 'IV.F', 'IV.G', 'IV.G.1', 'IV.G.2',
      'V', 'V.1', 'V.2', 'V.3', 'V.4', 'V.5', 'V.6', 'VI',
    ]);
  });

  it('places every paragraph in its section', () => {
    const ranges: Ranges<string> = [
      [1, 3, 'I'],
      [4, 8, 'II'],
      [9, 15, 'III.A.1'],
      [16, 17, 'III.A.2'],
      [18, 23, 'III.B'],
      [24, 24, 'IV'],
      [25, 36, 'IV.A'],
      [37, 40, 'IV.B'],
      [41, 44, 'IV.C.1'],
      [45, 55, 'IV.C.2'],
      [56, 61, 'IV.C.3'],
      [62, 64, 'IV.D.1'],
      [65, 66, 'IV.D.2'],
      [67, 71, 'IV.E.1'],
      [72, 77, 'IV.E.2'],
      [78, 81, 'IV.F'],
      [82, 84, 'IV.G.1'],
      [85, 87, 'IV.G.2'],
      [88, 88, 'V.1'],
      [89, 90, 'V.2'],
      [91, 91, 'V.3'],
      [92, 93, 'V.4'],
      [94, 95, 'V.5'],
      [96, 98, 'V.6'],
      [99, 102, 'VI'],
    ];
    expect(parsed.paragraphs.map((entry) => [entry.number, entry.sectionPath])).toEqual(expand(ranges));
  });

  it('reads the headings of IV.A to IV.G, which are the titles of the seven thematic areas', () => {
    const headings = Object.fromEntries(parsed.sections.map((section) => [section.path, section.heading]));
    expect(['IV.A', 'IV.B', 'IV.C', 'IV.D', 'IV.E', 'IV.F', 'IV.G'].map((path) => headings[path])).toEqual([
      '减少需求及相关措施，包括预防和治疗以及与健康有关的其他问题',
      '确保仅为医疗和科研目的提供和获得管制药物同时防止其转移',
      '减少供应和相关措施；有效执法；应对涉毒犯罪；打击洗钱和促进司法合作',
      '跨领域问题：毒品与人权、青年、儿童、妇女和社区',
      '根据三项国际毒品管制公约和其他相关国际文书处理和应对世界毒品问题过程中的跨领域问题：不断变化的实际情况、趋势与当前环境、新兴和长期挑战与威胁，包括新型精神活性物质',
      '根据共同和分担的责任原则加强国际合作',
      '替代发展；在以发展为导向的平衡的毒品管制政策方面开展区域、区域间和国际合作；应对社会经济问题',
    ]);
  });

  it('joins headings wrapped over several lines, and reads numbered sub-section headings', () => {
    const headings = Object.fromEntries(parsed.sections.map((section) => [section.path, section.heading]));
    expect(headings.I).toBe('导言');
    expect(headings['III.A']).toBe('履行处理和应对世界毒品问题的国际承诺的后续行动，包括大会第三十届特别会议的后续行动：麻醉药品委员会及其附属机构采取的行动');
    expect(headings['III.A.1']).toBe('麻醉药品委员会采取的行动');
    expect(headings['IV.D.2']).toBe('相称和有效的政策和对策，以及与刑事司法程序和司法部门有关的法律保证和保障');
    expect(headings['IV.E.1']).toBe('处理新型精神活性物质、苯丙胺类兴奋剂（包括甲基苯丙胺）、前体和前前体转移以及含有麻醉药品和精神药物的药剂的非医疗使用和滥用');
    expect(headings['V.1']).toBe('改进联合国毒品和犯罪问题办公室的管理和财务状况不限成员名额常设政府间工作组的工作');
    expect(headings.VI).toBe('结论性意见');
  });

  it('reads the 3 numbered footnotes and leaves out the cover footnote marked *', () => {
    expect(parsed.footnotes).toEqual([
      {
        number: 1,
        text: '包括世界卫生组织（世卫组织）、联合国人权事务高级专员办事处（人权高专办）、联合国艾滋病毒/艾滋病联合规划署（艾滋病署）、联合国开发计划署（开发署）、国际麻醉品管制局和秘书处政治和建设和平事务部。',
      },
      {
        number: 2,
        text: '联合国各实体在执行大会第三十届特别会议成果文件所载建议过程中开展的各项活动的其他信息可在毒品和犯罪问题办公室网站（www.unodc.org/postungass2016/en/implementation.html）上查阅。',
      },
      {
        number: 3,
        text: '麻醉药品委员会与预防犯罪和刑事司法委员会提交的《2030 年可持续发展议程》执行情况相关材料可登录 www.unodc.org/unodc/en/commissions/commissions-2030.html 查阅。',
      },
    ]);
  });

  it('records the footnote markers of paragraphs 12, 23 and 79 and takes the marker digits out of the text', () => {
    const withRefs = parsed.paragraphs.filter((entry) => entry.footnoteRefs.length > 0);
    expect(withRefs.map((entry) => [entry.number, entry.footnoteRefs])).toEqual([[12, [1]], [23, [2]], [79, [3]]]);
    expect(paragraph(parsed, 12).text).toContain('让包括联合国实体和专门机构以及国际、区域和非政府组织');
    expect(paragraph(parsed, 23).text.endsWith('有计划地开展的工作。')).toBe(true);
    expect(paragraph(parsed, 79).text.endsWith('供可持续发展问题高级别政治论坛审议。')).toBe(true);
  });

  it('keeps numbers glued to Chinese text that are not footnote markers', () => {
    // "。2016" (a year wrapped onto the next line), "90%", "(a)2018": real numbers, not markers.
    expect(paragraph(parsed, 5).text).toContain('占 76%。2016年全球注射吸毒者人数');
    expect(paragraph(parsed, 47).text).toContain('其中 90%得到解决。');
    expect(paragraph(parsed, 16).text).toContain('(a)2018 年 9 月 17 日至21 日');
  });

  it('joins every paragraph interrupted by a page break, link lines or a footnote block', () => {
    const joins: [number, string][] = [
      [8, '2016 年，在美利坚合众国，此种毒品据报是仅次于海洛因'], // link lines
      [13, '和 α-乙酰乙酰苯胺（APAA）（包括其光学异构体）'], // footnote 1
      [18, '国际金融机构及相关区域和国际组织'], // link lines
      [34, '为使用兴奋药物的人群提供艾滋病毒预防'], // a continuation line indented like a new one
      [83, '以期减少对非法作物种植的依赖。《关于开展国际合作以综合、平衡战略'], // footnote 3 and link lines
      [98, '《关于将预防犯罪和刑事司法纳入更广泛的联合国议程'], // page footer and header
    ];
    for (const [number, join] of joins) expect(paragraph(parsed, number).text, `paragraph ${number}`).toContain(join);
  });

  it('joins wrapped lines as Chinese requires and keeps hyphens and slashes at line ends', () => {
    expect(paragraph(parsed, 1).text).toContain('并介绍了为协助会员国依照在《关于在国家、区域和国际各级');
    expect(paragraph(parsed, 13).text).toContain('CUMYL-4CN-BINACA');
    expect(paragraph(parsed, 13).text).toContain('3,4-亚甲基二氧苯基-2-丙酮甲基缩水甘油（“PMK 缩水甘油”）');
    expect(paragraph(parsed, 22).text).toContain('（E/CN.7/2019/CRP.10）');
    expect(paragraph(parsed, 19).text).toContain('（E/CN.7/2019/CRP.5）');
  });

  it('ends every paragraph with a full stop: nothing that follows it on the page is taken in', () => {
    for (const entry of parsed.paragraphs) expect(entry.text.endsWith('。'), `paragraph ${entry.number}`).toBe(true);
  });

  it('has no page furniture, link lines or footnote text in any paragraph or heading', () => {
    const furniture = ['A/74/129', 'V.19-04764', '/16', '*1904764*', '1904764', 'http', 'undocs.org', '___', '\n'];
    // Pieces found in the footnotes and nowhere else in the file (footnote openings also occur in paragraphs).
    const footnotePieces = ['联合国人权事务高级专员办事处', '各项活动的其他信息', 'implementation.html', '执行情况相关材料', 'commissions-2030'];
    const texts = [...parsed.paragraphs.map((entry) => entry.text), ...parsed.sections.map((section) => section.heading)];
    for (const value of texts) {
      for (const piece of [...furniture, ...footnotePieces]) expect(value).not.toContain(piece);
    }
  });

  it('finds 芬太尼 in paragraphs 7, 13 and 67 only', () => {
    expect(parsed.paragraphs.filter((entry) => entry.text.includes('芬太尼')).map((entry) => entry.number)).toEqual([7, 13, 67]);
  });

  describe('thematic areas', () => {
    const mapping = mapSectionsToThematicAreas(parsed.sections, AREAS);

    it('maps IV.A to IV.G to TA1 to TA7 and the numbered sub-sections to the sub-areas, by heading', () => {
      expect(mapping).toEqual({
        'IV.A': 'TA1',
        'IV.B': 'TA2',
        'IV.C': 'TA3',
        'IV.C.1': 'TA3.1',
        'IV.C.2': 'TA3.2',
        'IV.C.3': 'TA3.3',
        'IV.D': 'TA4',
        'IV.D.1': 'TA4.1',
        'IV.D.2': 'TA4.2',
        'IV.E': 'TA5',
        'IV.E.1': 'TA5.1',
        'IV.E.2': 'TA5.2',
        'IV.F': 'TA6',
        'IV.G': 'TA7',
        'IV.G.1': 'TA7.1',
        'IV.G.2': 'TA7.2',
      });
    });

    it('gives every paragraph the area of its section or of the nearest enclosing one', () => {
      const ranges: Ranges<string | null> = [
        [1, 24, null],
        [25, 36, 'TA1'],
        [37, 40, 'TA2'],
        [41, 44, 'TA3.1'],
        [45, 55, 'TA3.2'],
        [56, 61, 'TA3.3'],
        [62, 64, 'TA4.1'],
        [65, 66, 'TA4.2'],
        [67, 71, 'TA5.1'],
        [72, 77, 'TA5.2'],
        [78, 81, 'TA6'],
        [82, 84, 'TA7.1'],
        [85, 87, 'TA7.2'],
        [88, 102, null],
      ];
      expect(parsed.paragraphs.map((entry) => [entry.number, thematicAreaOfSection(entry.sectionPath, mapping)])).toEqual(expand(ranges));
      expect(thematicAreaOfSection('IV.C.9', mapping)).toBe('TA3');
    });

    it('follows the headings, not the letters, when sections come in another order', () => {
      const swapped = parsed.sections.map((section) => {
        if (section.path === 'IV.A') return { ...section, path: 'IV.B' };
        if (section.path === 'IV.B') return { ...section, path: 'IV.A' };
        return section;
      });
      const remapped = mapSectionsToThematicAreas(swapped, AREAS);
      expect(remapped['IV.A']).toBe('TA2');
      expect(remapped['IV.B']).toBe('TA1');
    });

    it('maps nothing when the areas have no title in the report language', () => {
      const englishOnly = AREAS.map((area) => ({ ...area, titles: { en: area.titles.en } }));
      expect(mapSectionsToThematicAreas(parsed.sections, englishOnly)).toEqual({});
    });
  });

  it('refuses the Chinese text declared as English', () => {
    expectCode(() => parseReport(text, { symbol: 'A/74/129', language: 'en' }), 'language-mismatch');
  });
});

describe('synthetic English report in the same layout', () => {
  const raw = fixture('report.en.txt');
  const parsed = parseReport(raw, { symbol: 'X/99/123', language: 'en' });

  it('is a fixture with CRLF line ends, form feeds and no-break spaces', () => {
    expect(raw).toContain('\r\n');
    expect(raw).toContain('\f');
    expect(raw).toContain('\u00A0');
  });

  it('reads the title wrapped over two lines, above the by-line', () => {
    expect(parsed.title).toBe('International cooperation on invented widgets and the calibration of fictional gadgets');
    expect(parsed.warnings).toEqual([]);
  });

  it('reads Roman sections, lettered sections and numbered sub-sections, with wrapped headings', () => {
    expect(parsed.sections).toEqual([
      { path: 'I', heading: 'Introduction' },
      { path: 'II', heading: 'Extent of the invented widget problem' },
      { path: 'III', heading: 'International cooperation on invented widgets' },
      {
        path: 'III.A',
        heading: 'Follow-up to the invented commitments, including the imaginary special session: action taken by the fictional commission and its subsidiary bodies',
      },
      { path: 'III.A.1', heading: 'Action taken by the fictional commission' },
      { path: 'III.A.2', heading: 'Action taken by the subsidiary bodies' },
      { path: 'III.B', heading: 'Coordination across the invented system' },
      { path: 'IV', heading: 'Support to Member States in the invented thematic areas' },
      { path: 'IV.A', heading: 'Invented widget demand reduction and related fictional measures' },
      { path: 'IV.B', heading: 'Ensuring the invented availability of gadgets for imaginary purposes' },
      { path: 'IV.C', heading: 'Invented supply reduction; fictional enforcement; responses to make-believe crime' },
      { path: 'IV.C.1', heading: 'Prevention of invented gadget crime' },
      { path: 'IV.C.2', heading: 'Countering imaginary trafficking in widgets' },
      { path: 'V', heading: 'Management of the invented office' },
      { path: 'V.1', heading: 'Strategic planning of the fictional office' },
      { path: 'V.2', heading: 'Evaluation' },
      { path: 'VI', heading: 'Concluding remarks' },
    ]);
  });

  it('places paragraphs 1 to 18 in their sections', () => {
    const ranges: Ranges<string> = [
      [1, 2, 'I'],
      [3, 4, 'II'],
      [5, 5, 'III.A.1'],
      [6, 6, 'III.A.2'],
      [7, 7, 'III.B'],
      [8, 8, 'IV'],
      [9, 10, 'IV.A'],
      [11, 11, 'IV.B'],
      [12, 12, 'IV.C.1'],
      [13, 14, 'IV.C.2'],
      [15, 15, 'V.1'],
      [16, 16, 'V.2'],
      [17, 18, 'VI'],
    ];
    expect(parsed.paragraphs.map((entry) => [entry.number, entry.sectionPath])).toEqual(expand(ranges));
  });

  it('continues paragraphs after footnote blocks and page breaks', () => {
    expect(paragraph(parsed, 2).text).toBe(
      'It sets out how the invented entities cooperated with one another and with the make-believe councils of gadget makers, and how they shared their fictional tools.',
    );
    expect(paragraph(parsed, 6).text).toContain('and, in a vote, chose 12 make-believe regions as the first');
    expect(paragraph(parsed, 13).text).toContain('seized 700 invented crates of widgets in the imaginary year.');
  });

  it('joins Latin lines with one space, keeps hyphens and symbols wrapped at line ends, and reads no-break spaces as spaces', () => {
    expect(paragraph(parsed, 3).text).toBe(
      'About 12 million invented widgets were miscalibrated in 2098, the fictional ledger shows, and the make-believe gadget markets kept growing.',
    );
    expect(paragraph(parsed, 4).text).toContain('the invented compound WIDGET-4X-GADGET was reported');
    expect(paragraph(parsed, 5).text).toContain('the conference room paper X/CN.9/2099/CRP.7 at a make-believe meeting.');
  });

  it('reads the footnotes, one of them wrapped, and the markers glued after a word or a comma', () => {
    expect(parsed.footnotes).toEqual([
      { number: 1, text: 'Invented footnote text naming imaginary entities of the fictional system.' },
      { number: 2, text: 'Invented footnote text about an imaginary report, document X/99/77.' },
      { number: 3, text: 'Invented second footnote text that wraps across two lines of the footnote block and ends here.' },
    ]);
    const withRefs = parsed.paragraphs.filter((entry) => entry.footnoteRefs.length > 0);
    expect(withRefs.map((entry) => [entry.number, entry.footnoteRefs])).toEqual([[2, [1]], [6, [2, 3]]]);
    expect(paragraph(parsed, 6).text).toContain('the calibration of gadgets in their regions');
  });

  it('has no page furniture, link lines, summary or footnote text in any paragraph or heading', () => {
    const unwanted = ['X/99/123', 'V.99-01234', '/6', '9901234', 'http', 'undocs', '___', 'Invented footnote', 'The present report is an invented text', '\r', '\f', '\u00A0'];
    const texts = [...parsed.paragraphs.map((entry) => entry.text), ...parsed.sections.map((section) => section.heading), parsed.title ?? ''];
    for (const value of texts) for (const piece of unwanted) expect(value).not.toContain(piece);
  });

  it('maps sections to thematic areas by their English titles', () => {
    const areas = [
      { code: 'W1', parentCode: null, titles: { en: 'Invented widget demand reduction and related fictional measures' } },
      { code: 'W2', parentCode: null, titles: { en: 'Ensuring the invented availability of gadgets for imaginary purposes' } },
      { code: 'W3', parentCode: null, titles: { en: 'Invented supply reduction; fictional enforcement; responses to make-believe crime' } },
      { code: 'W3.1', parentCode: 'W3', titles: { en: 'Prevention of invented gadget crimes' } },
      { code: 'W3.2', parentCode: 'W3', titles: { en: 'Countering the imaginary trafficking in widgets' } },
      { code: 'W4', parentCode: null, titles: { en: 'Calibration of sprockets on distant planets' } },
    ];
    expect(mapSectionsToThematicAreas(parsed.sections, areas)).toEqual({
      'IV.A': 'W1',
      'IV.B': 'W2',
      'IV.C': 'W3',
      'IV.C.1': 'W3.1',
      'IV.C.2': 'W3.2',
    });
  });
});

describe('irregular report', () => {
  const parsed = parseReport(fixture('irregular.en.txt'), { symbol: 'X/99/456', language: 'en' });

  it('tells a sub-section heading from the paragraph with the same number that follows it', () => {
    expect(parsed.sections.slice(0, 3)).toEqual([
      { path: 'I', heading: 'Introduction' },
      { path: 'I.1', heading: 'Invented overview of the irregular text' },
      { path: 'I.2', heading: 'Invented second sub-section' },
    ]);
    expect(paragraph(parsed, 1).sectionPath).toBe('I.1');
    expect(paragraph(parsed, 2).sectionPath).toBe('I.2');
  });

  it('keeps a short paragraph that lost its full stop as a paragraph when it carries the next number', () => {
    expect(paragraph(parsed, 5).text).toBe('Fifth invented paragraph, whose final full stop was lost in extraction');
    expect(paragraph(parsed, 5).sectionPath).toBe('II.A');
  });

  it('warns about gaps and repeats in the numbering, text without a place and footnotes without markers', () => {
    expect(parsed.title).toBe('Invented irregular report for parser testing');
    expect(parsed.paragraphs.map((entry) => entry.number)).toEqual([1, 2, 4, 4, 5, 6, 7]);
    expect(parsed.warnings.map((entry) => [entry.code, entry.line])).toEqual([
      ['paragraph-gap', 15],
      ['paragraph-repeat', 17],
      ['unplaced-text', 22],
      ['section-numbering', 30],
      ['footnote-numbering', 34],
      ['footnote-unreferenced', null],
    ]);
    expect(parsed.warnings.every((entry) => entry.message.length > 10)).toBe(true);
    expect(parsed.paragraphs.some((entry) => entry.text.includes('unnumbered invented sentence'))).toBe(false);
    expect(paragraph(parsed, 6).footnoteRefs).toEqual([1]);
  });

  it('starts letters again in every section, also when a letter follows its section heading directly', () => {
    const report = parseReport(
      [
        'Invented note',
        'I. First invented section',
        'A. Invented first lettered section',
        '1. Invented sub-section',
        '1. First invented paragraph.',
        'B. Invented second lettered section',
        '2. Second invented paragraph.',
        'II. Second invented section',
        'A. Invented lettered section of the second section',
        '1. Invented sub-section of the second section',
        '3. Third invented paragraph.',
      ].join('\n'),
      { symbol: 'X/99/5', language: 'en' },
    );
    expect(report.sections.map((section) => section.path)).toEqual(['I', 'I.A', 'I.A.1', 'I.B', 'II', 'II.A', 'II.A.1']);
    expect(report.paragraphs.map((entry) => [entry.number, entry.sectionPath])).toEqual([[1, 'I.A.1'], [2, 'I.B'], [3, 'II.A.1']]);
    expect(report.warnings).toEqual([]);
  });

  it('warns about a paragraph number without text', () => {
    const report = parseReport('Invented note\n\nI. Introduction\n1. First invented paragraph.\n2.\n3. Third invented paragraph.\n', { symbol: 'X/99/3', language: 'en' });
    expect(report.paragraphs.map((entry) => [entry.number, entry.text])).toEqual([
      [1, 'First invented paragraph.'],
      [2, ''],
      [3, 'Third invented paragraph.'],
    ]);
    expect(report.warnings.map((entry) => [entry.code, entry.line])).toEqual([['empty-paragraph', 5]]);
  });

  it('reads footnote numbers printed as superscripts', () => {
    const report = parseReport(
      'Invented note\n\nI. Introduction\n1. Invented text with a superscript marker¹ in it.\n__________________\n¹ Invented superscript footnote.\n',
      { symbol: 'X/99/4', language: 'en' },
    );
    expect(report.footnotes).toEqual([{ number: 1, text: 'Invented superscript footnote.' }]);
    expect(report.paragraphs).toEqual([
      { number: 1, sectionPath: 'I', text: 'Invented text with a superscript marker in it.', footnoteRefs: [1] },
    ]);
  });

  it('warns when no title is found', () => {
    const bare = parseReport('I. Introduction\n1. The only invented paragraph.\n', { symbol: 'X/99/1', language: 'en' });
    expect(bare.title).toBeNull();
    expect(bare.warnings.map((entry) => entry.code)).toEqual(['title-not-found']);
  });

  it('reads a report without sections: paragraphs have an empty section path', () => {
    const flat = parseReport('Invented flat note\n\n1. First invented paragraph.\n2. Second invented paragraph.\n', { symbol: 'X/99/2', language: 'en' });
    expect(flat.title).toBe('Invented flat note');
    expect(flat.sections).toEqual([]);
    expect(flat.paragraphs.map((entry) => [entry.number, entry.sectionPath])).toEqual([[1, ''], [2, '']]);
  });
});

describe('bad input', () => {
  it('refuses an empty text, or one of only spaces, form feeds and line ends', () => {
    expectCode(() => parseReport('', { symbol: 'X/1', language: 'en' }), 'empty');
    expectCode(() => parseReport(' \r\n\f\u00A0\n\t', { symbol: 'X/1', language: 'en' }), 'empty');
  });

  it('refuses a text without numbered paragraphs', () => {
    expectCode(() => parseReport(fixture('prose.en.txt'), { symbol: 'X/1', language: 'en' }), 'not-a-report');
    expectCode(() => parseReport('I. Invented heading\nInvented prose without numbers.\n', { symbol: 'X/1', language: 'en' }), 'not-a-report');
  });

  it('refuses more than 20 MB, counted in UTF-8 bytes', () => {
    expect(MAX_REPORT_BYTES).toBe(20 * 1024 * 1024);
    expectCode(() => parseReport('x'.repeat(MAX_REPORT_BYTES + 1), { symbol: 'X/1', language: 'en' }), 'too-large');
    // Fewer characters than the limit, but three bytes each.
    expectCode(() => parseReport('国'.repeat(MAX_REPORT_BYTES / 3 + 1), { symbol: 'X/1', language: 'zh' }), 'too-large');
    expectCode(() => parseReport('x'.repeat(MAX_REPORT_BYTES), { symbol: 'X/1', language: 'en' }), 'not-a-report');
  });

  it('refuses a language that is not one of the six official languages', () => {
    for (const language of ['de', 'zh-CN', 'EN', '']) {
      expectCode(() => parseReport(fixture('report.en.txt'), { symbol: 'X/1', language }), 'unsupported-language');
    }
  });

  it('refuses a text mostly in another script than its language', () => {
    expectCode(() => parseReport(fixture('report.en.txt'), { symbol: 'X/1', language: 'zh' }), 'language-mismatch');
    expectCode(() => parseReport(fixture('report.en.txt'), { symbol: 'X/1', language: 'ru' }), 'language-mismatch');
  });

  it('accepts another Latin-script language: the script is checked, not the vocabulary', () => {
    expect(parseReport(fixture('report.en.txt'), { symbol: 'X/1', language: 'fr' }).paragraphs).toHaveLength(18);
  });
});
