// Demo data: an instrument of obviously synthetic commitments and one account per role, so the
// app can be tried out. Never official text (ARCHITECTURE.md, "Content provenance").
// Idempotent; needs the reference data (thematic areas, entities) to be there first.
import type { Db } from '@/lib/db/client';
import { assignCommitments } from '@/lib/team/mutations';
import { CommitmentKind, Role, type Prisma } from '@/lib/generated/prisma/client';
import { hashPassword } from '@/lib/auth/password';
import { THEMATIC_AREAS, type ThematicAreaSeed } from './reference-data';
import { seedDemoHistory, type DemoHistorySummary } from './seed-demo-history';
import { publishSummaries } from '@/lib/summaries/mutations';

type Tx = Prisma.TransactionClient;

export const DEMO_PASSWORD = 'demo';

export const DEMO_INSTRUMENT = {
  code: 'DEMO',
  symbol: 'DEMO/2026/1',
  title: {
    en: 'Demonstration instrument (synthetic text, not an official document)',
    zh: '演示文书（合成文本，非正式文件）',
  },
  adoptedOn: null,
  adoptedYear: 2026,
  adoptedBy: { en: 'Demonstration data (synthetic)', zh: '演示数据（合成）' },
  // After the real instruments in every list.
  order: 1000,
  isDemo: true,
} satisfies Prisma.InstrumentCreateInput;

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  /** Code of the reporting entity of a focal point. */
  entity: string | null;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@demo.test', name: 'Demo Administrator', role: Role.ADMIN, entity: null },
  { email: 'reviewer@demo.test', name: 'Demo Reviewer', role: Role.SECRETARIAT, entity: null },
  {
    email: 'focal-mex@demo.test',
    name: 'Demo Focal Point (Mexico)',
    role: Role.FOCAL_POINT,
    entity: 'MEX',
  },
  {
    email: 'contributor-mex@demo.test',
    name: 'Demo Contributor (Mexico, Ministry of Health)',
    role: Role.CONTRIBUTOR,
    entity: 'MEX',
  },
  {
    email: 'focal-nga@demo.test',
    name: 'Demo Focal Point (Nigeria)',
    role: Role.FOCAL_POINT,
    entity: 'NGA',
  },
  {
    email: 'focal-unodc@demo.test',
    name: 'Demo Focal Point (UNODC)',
    role: Role.FOCAL_POINT,
    entity: 'UNODC',
  },
];

const COMMITMENTS_PER_AREA = 2;
const DEMO_SOURCE = 'demo';

export interface DemoCommitment {
  reference: string;
  thematicAreaCode: string;
  chapter: number;
  order: number;
  texts: { en: string; zh: string };
}

export interface DemoSeedResult {
  /** The accounts people sign in with; the story's hidden focal-point accounts are not among them. */
  accounts: { email: string; role: string; entity: string | null }[];
  /** Earlier cycles and the open cycle's review queue (seed-demo-history.ts). */
  history: DemoHistorySummary;
}

export async function seedDemoData(db: Db, { now = new Date() }: { now?: Date } = {}): Promise<DemoSeedResult> {
  await db.$transaction((tx) => seedDemoInstrument(tx));
  await seedDemoAccounts(db);
  const history = await seedDemoHistory(db, {
    instrumentCode: DEMO_INSTRUMENT.code,
    reviewerEmail: accountWithRole(Role.SECRETARIAT).email,
    ownEntities: DEMO_ACCOUNTS.flatMap((account) => account.entity ?? []),
    now,
  });
  if (history.created) await publishDemoSummaries(db, history.cycles);
  await assignDemoContributor(db);
  return {
    accounts: DEMO_ACCOUNTS.map(({ email, role, entity }) => ({ email, role, entity })),
    history,
  };
}

/**
 * The closed demo cycles are published by the demo reviewer, so that a visitor who is not signed
 * in sees summaries at once. Only when the history is first written: a withdrawal made by a
 * person since is not undone at the next start.
 */
async function publishDemoSummaries(db: Db, cycleCodes: string[]): Promise<void> {
  const reviewer = await db.user.findUniqueOrThrow({ where: { email: accountWithRole(Role.SECRETARIAT).email }, select: { id: true, role: true, entityId: true } });
  for (const cycleCode of cycleCodes) await publishSummaries(db, reviewer, { cycleCode });
}

/**
 * The demo contributor drafts three of Mexico's commitments of the open cycle, assigned by Mexico's
 * focal point (once: a coordinator's later changes are kept).
 */
async function assignDemoContributor(db: Db): Promise<void> {
  const contributor = accountWithRole(Role.CONTRIBUTOR);
  const [person, coordinator, cycle] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { email: contributor.email }, select: { id: true, entityId: true, _count: { select: { assignments: true } } } }),
    db.user.findUniqueOrThrow({ where: { email: 'focal-mex@demo.test' }, select: { id: true, role: true, entityId: true } }),
    db.reportingCycle.findFirst({ where: { state: 'OPEN' }, select: { id: true } }),
  ]);
  if (!cycle || !person.entityId || person._count.assignments > 0) return;
  const commitments = await db.commitment.findMany({
    where: { instrument: { code: DEMO_INSTRUMENT.code }, statusReports: { none: { cycleId: cycle.id, entityId: person.entityId } } },
    orderBy: { order: 'asc' }, take: 3, select: { id: true },
  });
  if (commitments.length === 0) return;
  await assignCommitments(db, coordinator, {
    entityId: person.entityId, cycleId: cycle.id, commitmentId: commitments.map((row) => row.id), assigneeId: person.id,
  });
}

function accountWithRole(role: Role): DemoAccount {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`No demo account has the role ${role}`);
  return account;
}

/**
 * Two synthetic commitments for every thematic area that has no sub-areas and for every
 * sub-area, cited like the UNGASS outcome document: chapter number (= TA number) and a letter
 * that runs on across the sub-areas of a chapter.
 */
export function buildDemoCommitments(
  areas: readonly ThematicAreaSeed[] = THEMATIC_AREAS,
): DemoCommitment[] {
  const commitments: DemoCommitment[] = [];
  const lettersUsed = new Map<number, number>();
  for (const area of leafAreas(areas)) {
    const chapter = chapterOf(area.code);
    for (let number = 1; number <= COMMITMENTS_PER_AREA; number += 1) {
      const letterIndex = lettersUsed.get(chapter) ?? 0;
      lettersUsed.set(chapter, letterIndex + 1);
      commitments.push({
        reference: `${chapter}(${itemLetter(letterIndex)})`,
        thematicAreaCode: area.code,
        chapter,
        order: commitments.length + 1,
        texts: syntheticTexts(area.code, number),
      });
    }
  }
  return commitments;
}

function leafAreas(areas: readonly ThematicAreaSeed[]): ThematicAreaSeed[] {
  const parents = new Set(areas.flatMap((area) => area.parentCode ?? []));
  return areas
    .filter((area) => !parents.has(area.code))
    .sort((a, b) => chapterOf(a.code) - chapterOf(b.code) || a.order - b.order);
}

/** "TA3.2" -> 3 */
function chapterOf(code: string): number {
  const chapter = Number(/^TA(\d+)/.exec(code)?.[1]);
  if (!Number.isInteger(chapter)) throw new Error(`Not a thematic area code: ${code}`);
  return chapter;
}

/** 0 -> "a", 25 -> "z", 26 -> "aa", 27 -> "bb": the lettering of the outcome document. */
export function itemLetter(index: number): string {
  return String.fromCharCode(97 + (index % 26)).repeat(Math.floor(index / 26) + 1);
}

function syntheticTexts(areaCode: string, number: number): DemoCommitment['texts'] {
  return {
    en: `[DEMO] Synthetic commitment ${number} for thematic area ${areaCode} — placeholder text for demonstration; not an official text.`,
    zh: `【演示】专题领域${areaCode}的合成承诺${number}——仅供演示的合成文本，非正式文本。`,
  };
}

async function seedDemoInstrument(tx: Tx): Promise<void> {
  const instrumentId = await ensureDemoInstrument(tx);
  const commitments = buildDemoCommitments();
  const areaIds = await thematicAreaIds(tx, commitments.map((c) => c.thematicAreaCode));
  const chapters = [...new Set(commitments.map((commitment) => commitment.chapter))];
  await tx.instrumentChapter.createMany({
    data: chapters.map((number) => ({ instrumentId, number, title: demoChapterTitle(number) })),
    skipDuplicates: true,
  });
  // Existing demo commitments and texts are left as they are; only missing ones are added.
  await tx.commitment.createMany({
    data: commitments.map((commitment) => ({
      instrumentId,
      thematicAreaId: requireValue(areaIds, commitment.thematicAreaCode, 'Thematic area'),
      reference: commitment.reference,
      kind: CommitmentKind.OPERATIONAL_RECOMMENDATION,
      chapter: commitment.chapter,
      order: commitment.order,
    })),
    skipDuplicates: true,
  });
  const stored = await tx.commitment.findMany({
    where: { instrumentId },
    select: { id: true, reference: true },
  });
  const commitmentIds = new Map(stored.map((row) => [row.reference, row.id]));
  await tx.commitmentText.createMany({
    data: commitments.flatMap((commitment) =>
      Object.entries(commitment.texts).map(([locale, text]) => ({
        commitmentId: requireValue(commitmentIds, commitment.reference, 'Demo commitment'),
        locale,
        text,
        sourceName: DEMO_SOURCE,
      })),
    ),
    skipDuplicates: true,
  });
}

/** Plainly synthetic chapter titles, naming the thematic area they stand for. */
export function demoChapterTitle(number: number): { en: string; zh: string } {
  return {
    en: `[DEMO] Synthetic chapter ${number} (thematic area TA${number})`,
    zh: `【演示】合成第${number}章（专题领域 TA${number}）`,
  };
}

async function ensureDemoInstrument(tx: Tx): Promise<string> {
  const existing = await tx.instrument.findUnique({
    where: { code: DEMO_INSTRUMENT.code },
    select: { id: true, isDemo: true },
  });
  if (existing && !existing.isDemo) {
    // A real instrument must never receive synthetic text.
    throw new Error(`Instrument ${DEMO_INSTRUMENT.code} exists and is not a demo instrument`);
  }
  if (existing) return existing.id;
  const created = await tx.instrument.create({ data: DEMO_INSTRUMENT, select: { id: true } });
  return created.id;
}

async function thematicAreaIds(tx: Tx, codes: readonly string[]): Promise<Map<string, string>> {
  const rows = await tx.thematicArea.findMany({
    where: { code: { in: [...new Set(codes)] } },
    select: { id: true, code: true },
  });
  return new Map(rows.map((row) => [row.code, row.id]));
}

function requireValue(map: Map<string, string>, key: string, what: string): string {
  const value = map.get(key);
  if (!value) throw new Error(`${what} ${key} is missing: seed the reference data first`);
  return value;
}

// Passwords are hashed only for accounts that do not exist yet (Argon2 is slow on purpose, and
// a re-run must not change a hash); existing demo accounts get their name, role and entity back.
async function seedDemoAccounts(db: Db): Promise<void> {
  const entityIds = await entityIdsByCode(db);
  const existing = await db.user.findMany({
    where: { email: { in: DEMO_ACCOUNTS.map((account) => account.email) } },
    select: { id: true, email: true, name: true, role: true, entityId: true, isDemo: true },
  });
  const takenByRealUser = existing.find((user) => !user.isDemo);
  if (takenByRealUser) {
    throw new Error(`${takenByRealUser.email} belongs to a real (non-demo) account`);
  }
  const byEmail = new Map(existing.map((user) => [user.email, user]));
  const wanted = DEMO_ACCOUNTS.map((account) => ({
    email: account.email,
    name: account.name,
    role: account.role,
    entityId: account.entity ? requireValue(entityIds, account.entity, 'Reporting entity') : null,
    isDemo: true,
  }));
  const missing = wanted.filter((account) => !byEmail.has(account.email));
  const withHashes = await Promise.all(
    missing.map(async (account) => ({
      ...account,
      passwordHash: await hashPassword(DEMO_PASSWORD),
    })),
  );
  await db.$transaction(async (tx) => {
    await tx.user.createMany({ data: withHashes, skipDuplicates: true });
    for (const account of wanted) {
      const user = byEmail.get(account.email);
      if (user && !sameAccount(user, account)) {
        await tx.user.update({ where: { id: user.id }, data: account });
      }
    }
  });
}

type AccountColumns = Pick<DemoAccount, 'email' | 'name' | 'role'> & { entityId: string | null };

function sameAccount(a: AccountColumns, b: AccountColumns): boolean {
  return a.name === b.name && a.role === b.role && a.entityId === b.entityId;
}

async function entityIdsByCode(db: Db): Promise<Map<string, string>> {
  const codes = DEMO_ACCOUNTS.flatMap((account) => account.entity ?? []);
  const rows = await db.reportingEntity.findMany({
    where: { code: { in: codes } },
    select: { id: true, code: true },
  });
  return new Map(rows.map((row) => [row.code, row.id]));
}
