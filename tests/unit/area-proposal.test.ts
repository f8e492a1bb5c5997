import { describe, expect, it } from 'vitest';
import { proposalTokens, proposeThematicArea, ungassArea, type AreaForProposal } from '@/lib/import/area-proposal';

// Thematic-area titles are reference facts (../shared/sources/CATALOGUE.md); the items are invented.
const AREAS: AreaForProposal[] = [
  { code: 'TA1', parentCode: null, titles: { en: 'Demand reduction and related measures, including prevention and treatment, as well as other health-related issues', zh: '减少需求及相关措施，包括预防和治疗以及与健康有关的其他问题' } },
  { code: 'TA2', parentCode: null, titles: { en: 'Ensuring the availability of and access to controlled substances exclusively for medical and scientific purposes, while preventing their diversion', zh: '确保仅为医疗和科研目的提供和获得管制药物同时防止其转移' } },
  { code: 'TA3', parentCode: null, titles: { en: 'Supply reduction and related measures; effective law enforcement; responses to drug-related crime; and countering money-laundering and promoting judicial cooperation', zh: '减少供应和相关措施；有效执法；应对涉毒犯罪；打击洗钱和促进司法合作' } },
  { code: 'TA3.1', parentCode: 'TA3', titles: { en: 'Prevention of drug-related crime', zh: '预防涉毒犯罪' } },
  { code: 'TA3.2', parentCode: 'TA3', titles: { en: 'Countering illicit trafficking in narcotic drugs and psychotropic substances', zh: '打击非法贩运麻醉药品和精神药物' } },
  { code: 'TA3.3', parentCode: 'TA3', titles: { en: 'Addressing links with other forms of organized crime, including money-laundering, corruption and other criminal activities', zh: '处理与其他形式有组织犯罪的联系，包括洗钱、腐败和其他犯罪活动' } },
  { code: 'TA7', parentCode: null, titles: { en: 'Alternative development; regional, interregional and international cooperation on development-oriented balanced drug control policy; addressing socioeconomic issues', zh: '替代发展；在以发展为导向的平衡的毒品管制政策方面开展区域、区域间和国际合作；应对社会经济问题' } },
  { code: 'TA7.1', parentCode: 'TA7', titles: { en: 'Socioeconomic issues and alternative development', zh: '社会经济问题和替代发展' } },
  { code: 'TA7.2', parentCode: 'TA7', titles: { en: 'Technical and financial cooperation for comprehensive and balanced development-oriented drug policies and viable economic alternatives', zh: '开展技术和金融合作，促进以发展为导向的综合平衡禁毒政策和可行的替代经济办法' } },
];

const en = (text: string, chapterTitle: string | null = null) => ({ chapterTitle, text, language: 'en' });

describe('ungassArea', () => {
  it('maps UNGASS chapters 1 to 7 to thematic areas TA1 to TA7', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(ungassArea)).toEqual(['TA1', 'TA2', 'TA3', 'TA4', 'TA5', 'TA6', 'TA7']);
  });

  it('has no area for other chapter numbers', () => {
    expect([0, 8, -1, 1.5].map(ungassArea)).toEqual([null, null, null, null]);
  });
});

describe('proposalTokens', () => {
  it('lower-cases words, drops stop words and folds plurals', () => {
    expect([...proposalTokens('The Policies of Substances and Widgets, including access')]).toEqual(['policy', 'substance', 'widget', 'access']);
  });

  it('splits Chinese into character bigrams and keeps Latin words among them', () => {
    expect([...proposalTokens('替代发展 Widget')]).toEqual(['替代', '代发', '发展', 'widget']);
  });
});

describe('proposeThematicArea', () => {
  it('proposes the area whose title shares most words with the item', () => {
    expect(proposeThematicArea(en('Invented item on prevention and treatment of widget users;'), AREAS)?.code).toBe('TA1');
  });

  it('weighs the chapter title more than the item text', () => {
    const item = en('Invented item on prevention and treatment;', 'Invented chapter on the availability of controlled substances for medical purposes');
    expect(proposeThematicArea(item, AREAS)?.code).toBe('TA2');
  });

  it('prefers a sub-area that clearly leads its siblings', () => {
    const proposal = proposeThematicArea(en('Invented item on countering illicit trafficking in psychotropic substances;'), AREAS);
    expect(proposal).toEqual({ code: 'TA3.2', score: expect.any(Number) });
    expect(proposal!.score).toBeGreaterThan(0);
    expect(proposal!.score).toBeLessThanOrEqual(1);
  });

  it('compares Chinese items with the Chinese titles by character bigrams', () => {
    expect(proposeThematicArea({ chapterTitle: null, text: '虚构条目：加强打击非法贩运麻醉药品；', language: 'zh' }, AREAS)?.code).toBe('TA3.2');
    expect(proposeThematicArea({ chapterTitle: null, text: '虚构条目：促进可行的替代经济办法和金融合作；', language: 'zh' }, AREAS)?.code).toBe('TA7.2');
  });

  it('falls back to the English titles when an area has none in the item language', () => {
    expect(proposeThematicArea({ chapterTitle: null, text: 'Texte inventé sur le trafficking', language: 'fr' }, AREAS)?.code).toBe('TA3.2');
  });

  it('proposes nothing when no title shares a word with the item', () => {
    expect(proposeThematicArea(en('Invented widget gadget sprocket;'), AREAS)).toBeNull();
    expect(proposeThematicArea(en(''), AREAS)).toBeNull();
    expect(proposeThematicArea(en('Invented item on trafficking;'), [])).toBeNull();
  });

  describe('with invented areas', () => {
    const areas: AreaForProposal[] = [
      { code: 'P', parentCode: null, titles: { en: 'Widget matters' } },
      { code: 'P.1', parentCode: 'P', titles: { en: 'Widget calibration' } },
      { code: 'P.2', parentCode: 'P', titles: { en: 'Widget maintenance' } },
      { code: 'Q', parentCode: null, titles: { en: 'Gadget matters' } },
    ];

    it('keeps the parent area when no sub-area leads, with the best score among them', () => {
      expect(proposeThematicArea(en('Invented widget item'), areas)).toEqual({ code: 'P', score: 0.4082 }); // 1 shared of 3 item and 2 title tokens: 1/√6
    });

    it('lets an area win through a sub-area even when its own title does not match', () => {
      const onlyChild: AreaForProposal[] = [
        { code: 'R', parentCode: null, titles: { en: 'Unrelated heading' } },
        { code: 'R.1', parentCode: 'R', titles: { en: 'Sprocket calibration' } },
        { code: 'S', parentCode: null, titles: { en: 'Calibration' } },
      ];
      expect(proposeThematicArea(en('Invented sprocket calibration'), onlyChild)?.code).toBe('R.1');
    });

    it('breaks ties in favour of the area listed first, so the proposal is deterministic', () => {
      const twins: AreaForProposal[] = [
        { code: 'B', parentCode: null, titles: { en: 'Gadget matters' } },
        { code: 'A', parentCode: null, titles: { en: 'Gadget matters' } },
      ];
      expect(proposeThematicArea(en('Invented gadget item'), twins)?.code).toBe('B');
    });
  });
});
