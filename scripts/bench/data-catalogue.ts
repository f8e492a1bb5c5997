// The benchmark's catalogue and people: the synthetic BENCH instrument and its commitments, the
// entities in scope, the bench accounts, the reporting cycles and a few synthetic reports imported
// through the real document import (so that search and suggestions have paragraphs to work on).
// Everything written here is plainly synthetic ("[BENCH]"); no UN wording is invented.
import type { Db } from '@/lib/db/client';
import { hashPassword } from '@/lib/auth/password';
import { snapshotCycleCommitments } from '@/lib/cycles/mutations';
import { importDocument } from '@/lib/documents/import-document';
import { itemLetter } from '@/prisma/seed/seed-demo';
import { BENCH_ADMIN, BENCH_INSTRUMENT, BENCH_PASSWORD, BENCH_SECRETARIAT, benchFocalPoint, type BenchScale } from './fixture';

/** Words the synthetic texts draw on, so that search and suggestions find something (en, zh). */
const TOPICS: readonly [string, string][] = [
  ['treatment services', '治疗服务'], ['prevention programmes', '预防方案'], ['alternative development', '替代发展'],
  ['access to controlled medicines', '受管制药物的获取'], ['money laundering', '洗钱'], ['border cooperation', '边境合作'],
  ['data collection', '数据收集'], ['human rights', '人权'], ['youth and families', '青少年和家庭'], ['synthetic drugs', '合成毒品'],
  ['precursor control', '前体管制'], ['capacity building', '能力建设'], ['rehabilitation and recovery', '康复和恢复'],
  ['law enforcement training', '执法培训'], ['health care workers', '卫生保健工作者'], ['rural communities', '农村社区'],
];

export const topicOf = (index: number) => TOPICS[index % TOPICS.length]!;

/** The entities every cycle expects: the first N Member States and N organizations by code (UN entities first). */
export async function entitiesInScope(db: Db, scale: BenchScale) {
  const states = await db.reportingEntity.findMany({ where: { kind: 'MEMBER_STATE', active: true }, orderBy: { code: 'asc' }, take: scale.states, select: { id: true, code: true } });
  const organizations = await db.reportingEntity.findMany({
    where: { kind: { in: ['UN_ENTITY', 'INTERGOVERNMENTAL_ORGANIZATION'] }, active: true }, orderBy: [{ kind: 'desc' }, { code: 'asc' }], take: scale.agencies, select: { id: true, code: true },
  });
  if (states.length < scale.states) throw new Error(`Only ${states.length} Member States are in the reference data; asked for ${scale.states}.`);
  if (organizations.length < scale.agencies) throw new Error(`Only ${organizations.length} organizations are in the reference data; asked for ${scale.agencies}.`);
  return [...states, ...organizations];
}

/** An administrator, a secretariat officer and one focal point per entity, all with the bench password. */
export async function createAccounts(db: Db, entities: { id: string; code: string }[]) {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await db.user.createMany({
    data: [
      { email: BENCH_ADMIN, name: '[BENCH] Administrator', role: 'ADMIN', passwordHash, isDemo: true },
      { email: BENCH_SECRETARIAT, name: '[BENCH] Secretariat officer', role: 'SECRETARIAT', passwordHash, isDemo: true },
      ...entities.map((entity) => ({ email: benchFocalPoint(entity.code), name: `[BENCH] Focal point (${entity.code})`, role: 'FOCAL_POINT' as const, entityId: entity.id, passwordHash, isDemo: true })),
    ],
  });
}

/** The BENCH instrument: `count` commitments spread over the thematic areas that have no sub-areas. */
export async function createInstrument(db: Db, count: number) {
  const areas = await db.thematicArea.findMany({ where: { subAreas: { none: {} } }, orderBy: [{ code: 'asc' }], select: { id: true, code: true } });
  const chapterOf = (code: string) => Number(/^TA(\d+)/.exec(code)?.[1] ?? 0);
  const instrument = await db.instrument.create({
    data: {
      code: BENCH_INSTRUMENT, symbol: 'BENCH/2026/1', isDemo: true, order: 2000, adoptedYear: 2026,
      title: { en: '[BENCH] Synthetic instrument for the benchmark (not an official document)', zh: '【基准】基准测试用的合成文书（非正式文件）' },
      adoptedBy: { en: 'Benchmark data (synthetic)', zh: '基准数据（合成）' },
    },
    select: { id: true },
  });
  const letters = new Map<number, number>();
  const commitments = Array.from({ length: count }, (_, index) => {
    const area = areas[index % areas.length]!;
    const chapter = chapterOf(area.code);
    const letter = letters.get(chapter) ?? 0;
    letters.set(chapter, letter + 1);
    return { instrumentId: instrument.id, thematicAreaId: area.id, reference: `${chapter}(${itemLetter(letter)})`, kind: 'OPERATIONAL_RECOMMENDATION' as const, chapter, order: index + 1 };
  });
  await db.commitment.createMany({ data: commitments });
  const stored = await db.commitment.findMany({ where: { instrumentId: instrument.id }, orderBy: { order: 'asc' }, select: { id: true, reference: true, order: true } });
  await db.commitmentText.createMany({
    data: stored.flatMap((commitment) => {
      const [en, zh] = topicOf(commitment.order);
      const [en2, zh2] = topicOf(commitment.order * 7 + 3);
      return [
        { commitmentId: commitment.id, locale: 'en', sourceName: 'bench', text: `[BENCH] Synthetic commitment ${commitment.reference} on ${en} and ${en2}, for the benchmark only; not an official text.` },
        { commitmentId: commitment.id, locale: 'zh', sourceName: 'bench', text: `【基准】关于${zh}和${zh2}的合成承诺${commitment.reference}，仅供基准测试，非正式文本。` },
      ];
    }),
  });
  return instrument.id;
}

const utcDate = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

/**
 * `count` cycles ending with the open one the reference seed made (the current year): the earlier
 * ones closed, one per year before it. Every cycle expects exactly the entities in scope, and each
 * closed one has its expected commitments frozen, as closing a cycle does.
 */
export async function createCycles(db: Db, count: number, entityIds: string[]) {
  const open = await db.reportingCycle.findFirstOrThrow({ where: { state: 'OPEN' }, select: { id: true, code: true, periodStart: true } });
  const openYear = open.periodStart.getUTCFullYear();
  const instruments = await db.instrument.findMany({ select: { id: true } });
  const cycles = [{ id: open.id, code: open.code, year: openYear, open: true }];
  for (let year = openYear - count + 1; year < openYear; year += 1) {
    const cycle = await db.reportingCycle.create({
      data: {
        code: String(year), name: { en: `${year} reporting cycle`, zh: `${year}年报告周期` }, state: 'CLOSED',
        periodStart: utcDate(year, 1, 1), periodEnd: utcDate(year, 12, 31), opensAt: utcDate(year, 1, 1), closesAt: new Date(Date.UTC(year, 11, 31, 23, 59, 59)),
      },
      select: { id: true, code: true },
    });
    await db.cycleInstrument.createMany({ data: instruments.map((instrument) => ({ cycleId: cycle.id, instrumentId: instrument.id })) });
    cycles.push({ ...cycle, year, open: false });
  }
  await db.$transaction(async (tx) => {
    await tx.cycleEntity.deleteMany({});
    await tx.cycleEntity.createMany({ data: cycles.flatMap((cycle) => entityIds.map((entityId) => ({ cycleId: cycle.id, entityId }))) });
    for (const cycle of cycles) if (!cycle.open) await snapshotCycleCommitments(tx, cycle.id);
  });
  return cycles.sort((a, b) => a.year - b.year);
}

/** A synthetic report in the layout the report parser reads: sections in Roman numerals, numbered paragraphs. */
export function syntheticReport(symbol: string, number: number, paragraphs: number): string {
  const lines = [`United Nations  ${symbol}`, '', `[BENCH] Synthetic report ${number} for the benchmark (not an official document)`, ''];
  const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];
  for (let index = 1; index <= paragraphs; index += 1) {
    const section = Math.floor(((index - 1) * roman.length) / paragraphs);
    if (index === 1 || section !== Math.floor(((index - 2) * roman.length) / paragraphs)) {
      lines.push(`${roman[section]}. [BENCH] Synthetic section ${section + 1} on ${topicOf(section + number)[0]}`, '');
    }
    const [a] = topicOf(index + number);
    const [b] = topicOf(index * 3 + number);
    const [c] = topicOf(index * 5 + 1);
    lines.push(`${index}. [BENCH] Synthetic paragraph ${index} of report ${number}: work on ${a} continued, with attention to ${b} and ${c}, and further steps on ${a} were planned.`, '');
  }
  return lines.join('\n');
}

/** Synthetic English reports imported as any report is: numbered paragraphs for search and suggestions. */
export async function importSyntheticReports(db: Db, count: number, paragraphsEach: number) {
  for (let number = 1; number <= count; number += 1) {
    const symbol = `BENCH/REPORT/${number}`;
    await importDocument(db, null, { text: syntheticReport(symbol, number, paragraphsEach), symbol, language: 'en', sourceName: 'bench (synthetic)' });
  }
}
