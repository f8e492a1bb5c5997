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

  it('have Chinese titles except GA resolution 73/192, for which none is given', () => {
    const withoutChinese = INSTRUMENTS.filter((instrument) => !instrument.title.zh);
    expect(withoutChinese.map((instrument) => instrument.code)).toEqual(['GA73/192']);
  });
});

describe('openCycle', () => {
  it('opens the calendar year of now and closes at its last second (UTC)', () => {
    const cycle = openCycle(new Date('2026-07-15T12:00:00Z'));
    expect(cycle).toEqual({
      code: '2026',
      name: { en: '2026 reporting cycle', zh: '2026年报告周期' },
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
