// Text similarity for evidence suggestions, on invented sentences only.
import { describe, expect, it } from 'vitest';
import { rankParagraphs, stemEnglish, tokenize } from '@/lib/evidence/similarity';

describe('tokenize', () => {
  it('segments Chinese into words, not characters, and drops punctuation and function words', () => {
    const tokens = tokenize('虚构国家应加强合作，防止芬太尼类物质的非法贩运。');
    expect(tokens).toEqual(expect.arrayContaining(['加强', '合作', '防止', '芬太尼', '贩运']));
    for (const dropped of ['，', '。', '的', '应']) expect(tokens).not.toContain(dropped);
    // Words, not characters: "芬太尼" is one token, never "芬", "太", "尼".
    expect(tokens).not.toContain('芬');
  });

  it('drops the small stop list of Chinese words that say nothing about the subject', () => {
    expect(tokenize('以及有关方面通过的其他措施')).toEqual(['措施']);
  });

  it('keeps Latin words inside Chinese text as English words', () => {
    expect(tokenize('监测CUMYL-4CN-BINACA等物质')).toEqual(expect.arrayContaining(['监测', 'cumyl', 'binaca', '物质']));
  });

  it('lower-cases English, drops stop words and numbers, and stems lightly', () => {
    expect(tokenize('The Trafficking of 2019 and the trafficked Widgets')).toEqual(['traffick', 'traffick', 'widget']);
  });

  it('ignores full-width forms and no-break spaces the same way as ordinary ones', () => {
    expect(tokenize('ＧＡＤＧＥＴＳ\u00a0policies')).toEqual(['gadget', 'policy']);
  });
});

describe('stemEnglish', () => {
  it.each([
    ['drugs', 'drug'], ['policies', 'policy'], ['boxes', 'box'], ['controlled', 'control'], ['controlling', 'control'],
    ['control', 'control'], ['measures', 'measur'], ['measuring', 'measur'], ['passed', 'pass'], ['analysis', 'analysis'],
  ])('%s -> %s', (word, stem) => {
    expect(stemEnglish(word)).toBe(stem);
  });
});

describe('rankParagraphs', () => {
  const chineseCommitment = [{ locale: 'zh', text: '虚构国家应加强对芬太尼类似物的监测，并与邻国合作打击其非法贩运。' }];
  const chineseParagraphs = [
    { id: 'p1', language: 'zh', text: '若干虚构国家报告称，已建立芬太尼类似物的监测系统，并与邻国合作打击非法贩运。' },
    { id: 'p2', language: 'zh', text: '秘书处举办了关于替代发展的区域讲习班，涉及农村生计。' },
    { id: 'p3', language: 'zh', text: '关于芬太尼的数据仍然有限。' },
    { id: 'p4', language: 'zh', text: '会议讨论了预算和工作方案。' },
  ];

  it('ranks Chinese paragraphs by shared words, best first, and leaves out those sharing none', () => {
    const ranked = rankParagraphs(chineseCommitment, chineseParagraphs, 10);
    expect(ranked.map((entry) => entry.id)).toEqual(['p1', 'p3']);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
    for (const entry of ranked) {
      expect(entry.score).toBeGreaterThan(0);
      expect(entry.score).toBeLessThanOrEqual(1);
    }
  });

  it('gives 1 to a paragraph with the same words as the commitment', () => {
    const [first] = rankParagraphs(chineseCommitment, [{ id: 'same', language: 'zh', text: chineseCommitment[0]!.text }, ...chineseParagraphs], 1);
    expect(first).toEqual({ id: 'same', score: 1 });
  });

  it('ranks English paragraphs, matching inflected forms', () => {
    const commitment = [{ locale: 'en', text: 'Invented States shall strengthen the monitoring of gadget precursors and prevent their diversion.' }];
    const paragraphs = [
      { id: 'e1', language: 'en', text: 'A workshop on rural livelihoods was held in an invented region.' },
      { id: 'e2', language: 'en', text: 'Several invented States monitored gadget precursors and prevented diversions to illicit channels.' },
      { id: 'e3', language: 'en', text: 'Gadget seizures rose in the invented period.' },
    ];
    const ranked = rankParagraphs(commitment, paragraphs, 2);
    expect(ranked.map((entry) => entry.id)).toEqual(['e2', 'e3']);
  });

  it('compares each paragraph with the wording in its own language, falling back to another', () => {
    const commitment = [
      { locale: 'en', text: 'Invented cooperation on gadget precursors.' },
      { locale: 'zh', text: '关于芬太尼的虚构合作。' },
    ];
    const paragraphs = [
      { id: 'zh-1', language: 'zh', text: '芬太尼合作取得进展。' },
      { id: 'en-1', language: 'en', text: 'Gadget precursors cooperation advanced.' },
      // No French wording: compared with the English one.
      { id: 'fr-1', language: 'fr', text: 'Gadget precursors.' },
    ];
    const ids = rankParagraphs(commitment, paragraphs, 10).map((entry) => entry.id).sort();
    expect(ids).toEqual(['en-1', 'fr-1', 'zh-1']);
  });

  it('orders equal scores by id, whatever the input order', () => {
    const commitment = [{ locale: 'en', text: 'Invented gadget.' }];
    const paragraphs = ['c', 'a', 'b'].map((id) => ({ id, language: 'en', text: 'An invented gadget.' }));
    expect(rankParagraphs(commitment, paragraphs, 3).map((entry) => entry.id)).toEqual(['a', 'b', 'c']);
    expect(rankParagraphs(commitment, [...paragraphs].reverse(), 3).map((entry) => entry.id)).toEqual(['a', 'b', 'c']);
  });

  it('returns nothing without wording, paragraphs or room', () => {
    expect(rankParagraphs([], chineseParagraphs, 5)).toEqual([]);
    expect(rankParagraphs(chineseCommitment, [], 5)).toEqual([]);
    expect(rankParagraphs(chineseCommitment, chineseParagraphs, 0)).toEqual([]);
  });
});
