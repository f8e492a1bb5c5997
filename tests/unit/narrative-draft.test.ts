// The narrative draft's text, built from loaded data with the message catalogues: the figures in
// sentences (English and Chinese), the UN citations, the order of entities, the notes.
import { describe, expect, it } from 'vitest';
import { createTranslator } from 'next-intl';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import {
  buildNarrativeDraft, citeNarrative, draftFileName, type DraftCommitment, type DraftReport, type NarrativeDraftData,
} from '@/lib/summaries/narrative-draft';
import { emptyDistribution } from '@/lib/summaries/figures';

const translators = {
  en: createTranslator({ locale: 'en', messages: en }),
  zh: createTranslator({ locale: 'zh', messages: zh as typeof en }),
};

function report(code: string, names: { en: string; zh: string }, memberState: boolean, lang: 'en' | 'zh', extra: Partial<DraftReport> = {}): DraftReport {
  return { entity: { code, name: names[lang], memberState }, status: 'IN_PROGRESS', narrative: `[TEST] Narrative of ${code}.`, evidence: [], ...extra };
}

/** The figures of the example: 210 entities, 193 of them Member States; 1,260 items. */
function data(lang: 'en' | 'zh', commitments: DraftCommitment[] = []): NarrativeDraftData {
  return {
    lang,
    area: { code: 'TA3', title: lang === 'en' ? '[TEST] Area title' : '[TEST] 领域标题' },
    cycle: { code: '2025', name: lang === 'en' ? '2025 reporting cycle' : '2025年报告周期' },
    figures: {
      entities: { expected: 210, reporting: 67, memberStatesExpected: 193, memberStatesReporting: 62 },
      distribution: { NOT_STARTED: 25, IN_PROGRESS: 65, SUBSTANTIALLY_IMPLEMENTED: 85, FULLY_IMPLEMENTED: 92, NOT_APPLICABLE: 20, NO_REPORT: 973 },
      progressIndex: (25 * 0 + 65 / 3 + 85 * (2 / 3) + 92) / (25 + 65 + 85 + 92),
      subAreas: [
        { code: 'TA3.1', title: lang === 'en' ? '[TEST] Sub-area one' : '[TEST] 分领域一', distribution: { ...emptyDistribution(), FULLY_IMPLEMENTED: 1, NO_REPORT: 419 }, progressIndex: 1 },
        { code: 'TA3.2', title: lang === 'en' ? '[TEST] Sub-area two' : '[TEST] 分领域二', distribution: { ...emptyDistribution(), NO_REPORT: 420 }, progressIndex: null },
      ],
    },
    commitments,
  };
}

function commitment(overrides: Partial<DraftCommitment> = {}): DraftCommitment {
  return {
    id: 'c1', symbol: 'X/TEST/1', reference: '1(a)', isDemo: false,
    text: { text: '[TEST] Synthetic wording.', locale: 'en', isFallback: false }, reports: [], ...overrides,
  };
}

describe('the figures in sentences', () => {
  it('write the summary out in English, numbers formatted for the language', () => {
    const draft = buildNarrativeDraft(data('en'), translators.en);
    expect(draft.title).toBe('Draft: TA3 [TEST] Area title, 2025 reporting cycle');
    expect(draft.notice).toBe('DRAFT — for the secretariat to edit, not an official text');
    expect(draft.figures[0]).toBe(
      'Of the 210 entities expected to report, 67 (including 62 of the 193 Member States) reported on this area. ' +
      'Of 1,260 expected items, 287 have an accepted report: 25 not started, 65 in progress, 85 substantially implemented, 92 fully implemented, 20 not applicable. ' +
      'The progress index is 64 per cent.',
    );
    expect(draft.figures.slice(1)).toEqual([
      'In TA3.1 [TEST] Sub-area one, 1 of the 420 expected items has an accepted report; the progress index is 100 per cent.',
      'In TA3.2 [TEST] Sub-area two, none of the 420 expected items have an accepted report; no progress index can be given yet.',
    ]);
  });

  it('write it in natural Chinese sentences', () => {
    const draft = buildNarrativeDraft(data('zh'), translators.zh);
    expect(draft.title).toBe('草稿：TA3 [TEST] 领域标题，2025年报告周期');
    expect(draft.figures[0]).toBe(
      '在预期提交报告的210个实体中，有67个（包括193个会员国中的62个）就本领域提交了报告。' +
      '在1,260个预期事项中，287个有已接受的报告：尚未开始25个，正在进行65个，基本落实85个，全面落实92个，不适用20个。' +
      '进展指数为64%。',
    );
    expect(draft.figures[2]).toBe('TA3.2 [TEST] 分领域二：420个预期事项中，0个有已接受的报告，尚无法得出进展指数。');
  });

  it('say so when nobody reported, when nothing is expected, and use the singular', () => {
    const nothing = data('en');
    nothing.figures = {
      entities: { expected: 1, reporting: 0, memberStatesExpected: 1, memberStatesReporting: 0 },
      distribution: { ...emptyDistribution(), NO_REPORT: 1 }, progressIndex: null, subAreas: [],
    };
    expect(buildNarrativeDraft(nothing, translators.en).figures).toEqual([
      'None of the 1 entity expected to report has reported on this area yet. None of the 1 expected item has an accepted report yet. ' +
      'No progress index can be given yet: no accepted status counts towards it.',
    ]);
    nothing.figures.entities = { expected: 2, reporting: 1, memberStatesExpected: 0, memberStatesReporting: 0 };
    nothing.figures.distribution = { ...emptyDistribution(), FULLY_IMPLEMENTED: 1, NO_REPORT: 1 };
    nothing.figures.progressIndex = 1;
    expect(buildNarrativeDraft(nothing, translators.en).figures[0]).toMatch(/^Of the 2 entities expected to report, 1 reported on this area\. Of 2 expected items, 1 has an accepted report: 0 not started/);
    nothing.figures.entities = { expected: 0, reporting: 0, memberStatesExpected: 0, memberStatesReporting: 0 };
    nothing.figures.distribution = emptyDistribution();
    nothing.figures.progressIndex = null;
    expect(buildNarrativeDraft({ ...nothing, lang: 'zh' }, translators.zh).figures[0]).toBe('本周期没有预期提交报告的实体。本周期未涵盖本领域的任何承诺。尚无法得出进展指数：没有可计入的已接受状态。');
  });
});

describe('the commitments', () => {
  const paragraphEvidence = { kind: 'PARAGRAPH' as const, symbol: 'X/TEST/1', number: 25 };
  const pageEvidence = { kind: 'URL' as const, url: 'https://example.test/page', title: '[TEST] A web page' };
  const fileEvidence = { kind: 'FILE' as const, name: 'test-evidence.pdf' };

  it('cite each commitment by symbol and reference, as the language cites it', () => {
    const commitments = [commitment(), commitment({ id: 'c2', reference: 'para. 5(b)' })];
    expect(buildNarrativeDraft(data('en', commitments), translators.en).sections.map((section) => section.heading)).toEqual(['X/TEST/1, 1(a)', 'X/TEST/1, para. 5(b)']);
    expect(buildNarrativeDraft(data('zh', commitments), translators.zh).sections.map((section) => section.heading)).toEqual(['X/TEST/1，1(a)', 'X/TEST/1，第5(b)段']);
  });

  it('cite the evidence the UN way: paragraphs by symbol and number, web pages by title, files by name', () => {
    const reports = (lang: 'en' | 'zh') => [report('MEX', { en: 'Mexico', zh: '墨西哥' }, true, lang, {
      narrative: lang === 'en' ? '[TEST] A programme was set up.' : '[TEST] 设立了一个方案。',
      evidence: [paragraphEvidence, pageEvidence, fileEvidence],
    })];
    const english = buildNarrativeDraft(data('en', [commitment({ reports: reports('en') })]), translators.en).sections[0]!.entries[0]!;
    expect(english.lead).toBe('Mexico (in progress):');
    expect(english.citations).toEqual(['X/TEST/1, para. 25', '[TEST] A web page', 'test-evidence.pdf']);
    expect(english.body).toBe('[TEST] A programme was set up (X/TEST/1, para. 25; [TEST] A web page; test-evidence.pdf).');
    const chinese = buildNarrativeDraft(data('zh', [commitment({ reports: reports('zh') })]), translators.zh).sections[0]!.entries[0]!;
    expect(chinese.lead).toBe('墨西哥（正在进行）：');
    expect(chinese.body).toBe('[TEST] 设立了一个方案（X/TEST/1，第25段；[TEST] A web page；test-evidence.pdf）。');
  });

  it('put the citation after a narrative that does not end with a full stop, and say when there is no narrative', () => {
    expect(citeNarrative('[TEST] No stop', ['X/TEST/1, para. 1'], translators.en)).toBe('[TEST] No stop (X/TEST/1, para. 1)');
    expect(citeNarrative('  ', ['X/TEST/1, para. 1'], translators.en)).toBe('No narrative was given (X/TEST/1, para. 1).');
    expect(citeNarrative('[TEST] Plain.', [], translators.en)).toBe('[TEST] Plain.');
    expect(citeNarrative('', ['X/TEST/1，第1段'], translators.zh)).toBe('未提供说明（X/TEST/1，第1段）。');
  });

  it('list Member States first, then other entities, each alphabetical in the language of the draft', () => {
    const people = (lang: 'en' | 'zh') => [
      report('AU', { en: 'African Union', zh: '非洲联盟' }, false, lang),
      report('CHN', { en: 'China', zh: '中国' }, true, lang),
      report('UNODC', { en: 'United Nations Office on Drugs and Crime', zh: '联合国毒品和犯罪问题办公室' }, false, lang),
      report('DEU', { en: 'Germany', zh: '德国' }, true, lang),
    ];
    const order = (lang: 'en' | 'zh') =>
      buildNarrativeDraft(data(lang, [commitment({ reports: people(lang) })]), translators[lang]).sections[0]!.entries.map((entry) => entry.entityCode);
    expect(order('en')).toEqual(['CHN', 'DEU', 'AU', 'UNODC']);
    // Pinyin order: Deguo before Zhongguo, Feizhou lianmeng before Lianheguo.
    expect(order('zh')).toEqual(['DEU', 'CHN', 'AU', 'UNODC']);
  });

  it('keep the commitments in the order given, and note a fallback wording, a missing one and no report', () => {
    const sections = buildNarrativeDraft(data('zh', [
      commitment({ id: 'b', text: { text: '[TEST] Synthetic wording.', locale: 'en', isFallback: true } }),
      commitment({ id: 'a', text: null, reports: [report('MEX', { en: 'Mexico', zh: '墨西哥' }, true, 'zh')] }),
    ]), translators.zh).sections;
    expect(sections.map((section) => section.commitmentId)).toEqual(['b', 'a']);
    expect(sections[0]).toMatchObject({ text: '[TEST] Synthetic wording.', textLang: 'en', textNote: '本承诺尚无中文措辞，现以英语列出。', empty: '本周期内尚无关于本承诺的已接受报告。' });
    expect(sections[1]).toMatchObject({ text: null, textNote: '尚未导入本承诺的措辞。', empty: null });
    expect(buildNarrativeDraft(data('en', [commitment({ text: { text: '[TEST] 合成措辞。', locale: 'zh', isFallback: true } })]), translators.en).sections[0]!.textNote)
      .toBe('The wording is not available in English; it is given in Chinese.');
  });

  it('say when the commitments are demonstration ones', () => {
    expect(buildNarrativeDraft(data('en', [commitment()]), translators.en).demoNote).toBeNull();
    expect(buildNarrativeDraft(data('en', [commitment({ isDemo: true })]), translators.en).demoNote)
      .toBe('The commitments in this draft are demonstration ones: their wording is synthetic, not official text.');
    expect(buildNarrativeDraft(data('zh', [commitment({ isDemo: true }), commitment({ id: 'c2' })]), translators.zh).demoNote)
      .toBe('本草稿中的部分承诺为演示数据：其措辞为合成文本，并非正式文本。');
  });

  it('name the file by area, cycle and language', () => {
    expect(buildNarrativeDraft(data('en'), translators.en).fileName).toBe('draft-TA3-2025-en.docx');
    expect(draftFileName('TA3.2', '2025/26 A', 'zh')).toBe('draft-TA3.2-2025-26-A-zh.docx');
  });
});
