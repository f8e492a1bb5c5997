// Two reporting entities, A and B, for the access sweeps (tests/security/*-sweep.test.ts and
// tests/e2e/access-sweep.spec.ts): accounts of every role, and in B's reports strings that nobody
// outside B and the secretariat may ever be shown. Everything of B is written through the
// application's own mutations (drafts, submissions, a return with a comment, evidence on a report
// and proposed for a commitment, an invited contributor with an assignment), so the rows, their
// timeline, audit rows, notifications and e-mails are the ones production writes.
//
// Every planted string contains LEAK ("ZZLEAK"): a response that contains it, in any form, shows
// something of B. The texts are synthetic ("[TEST] …" or "[E2E] …").
import type { Db } from '@/lib/db/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { hashPassword } from '@/lib/auth/password';
import { reviewStatusReport, saveStatusReport, type ReportActor } from '@/lib/status-reports/mutations';
import { linkReportFile, linkReportUrl } from '@/lib/status-reports/evidence-mutations';
import { linkFile, linkUrl } from '@/lib/evidence/mutations';
import { assignCommitments, inviteContributor } from '@/lib/team/mutations';
import { plantedTexts, type PlantedTexts } from './planted-texts';

export { LEAK, leaksIn, plantedTexts, type PlantedTexts } from './planted-texts';

export type SweepUser = { id: string; email: string; name: string; role: Role; entityId: string | null; password: string };

export type SweepReport = { id: string; commitmentId: string; version: number };

export type SweepWorld = {
  prefix: string;
  texts: PlantedTexts;
  cycle: { id: string; code: string };
  entities: { A: { id: string; code: string }; B: { id: string; code: string } };
  users: {
    admin: SweepUser; reviewer: SweepUser; viewer: SweepUser;
    focalA: SweepUser; contributorA: SweepUser; focalB: SweepUser;
    /** Invited by B's focal point (no password yet): its name is one of the planted strings. */
    contributorB: { id: string; email: string; name: string };
  };
  b: {
    draft: SweepReport; submitted: SweepReport; returned: SweepReport;
    reportFileId: string; reportFileLinkId: string; reportUrlLinkId: string;
    proposalFileId: string; proposalFileLinkId: string; proposalUrlLinkId: string;
  };
  a: { draft: SweepReport; reportFileId: string };
};

export type PlantOptions = {
  /** "[TEST]" or "[E2E]". */
  prefix: string;
  entityA: string;
  entityB: string;
  /** Three commitments of the open cycle's scope: B's draft, submission and returned report, A's draft on the first. */
  commitments: [string, string, string];
  /** Distinguishes these accounts' e-mail addresses from any other test's. */
  emailTag: string;
  /** With a password the accounts can sign in (end-to-end); without one they cannot (hash placeholder). */
  withPasswords: boolean;
};

export async function plantSweepWorld(db: Db, options: PlantOptions): Promise<SweepWorld> {
  const texts = plantedTexts(options.prefix);
  const cycle = await db.reportingCycle.findFirstOrThrow({ where: { state: 'OPEN' }, select: { id: true, code: true } });
  const entity = (code: string) => db.reportingEntity.findUniqueOrThrow({ where: { code }, select: { id: true, code: true } });
  const A = await entity(options.entityA);
  const B = await entity(options.entityB);

  const user = async (key: string, role: Role, entityId: string | null, name: string): Promise<SweepUser> => {
    const email = `sweep-${options.emailTag}-${key}@example.test`;
    const password = `sweep ${options.emailTag} ${key} password`;
    const passwordHash = options.withPasswords ? await hashPassword(password) : 'not a real hash';
    const created = await db.user.create({ data: { email, name, role, entityId, passwordHash }, select: { id: true } });
    return { id: created.id, email, name, role, entityId, password };
  };
  const admin = await user('admin', 'ADMIN', null, `${options.prefix} Sweep administrator`);
  const reviewer = await user('reviewer', 'SECRETARIAT', null, `${options.prefix} Sweep reviewer`);
  const viewer = await user('viewer', 'VIEWER', null, `${options.prefix} Sweep viewer`);
  const focalA = await user('focal-a', 'FOCAL_POINT', A.id, `${options.prefix} Sweep focal point A`);
  const contributorA = await user('contributor-a', 'CONTRIBUTOR', A.id, `${options.prefix} Sweep contributor A`);
  const focalB = await user('focal-b', 'FOCAL_POINT', B.id, `${options.prefix} Sweep focal point B`);
  const actor = (u: SweepUser): ReportActor => ({ id: u.id, role: u.role, entityId: u.entityId });

  const [c0, c1, c2] = options.commitments;
  const key = (entityId: string, commitmentId: string) => ({ cycleId: cycle.id, entityId, commitmentId });

  // B's contributor, invited by B's focal point, assigned B's draft.
  const invited = await inviteContributor(db, actor(focalB), { entityId: B.id, email: texts.contributorEmail, name: texts.contributorName, locale: 'en' });
  await assignCommitments(db, actor(focalB), { entityId: B.id, cycleId: cycle.id, commitmentId: [c0], assigneeId: invited.id });

  // B's draft, with a web page and a file attached.
  const draft = await saveStatusReport(db, actor(focalB), {
    ...key(B.id, c0), version: 0, status: 'IN_PROGRESS', narrative: texts.draftNarrative, asOf: null, intent: 'save',
  });
  const urlLink = await linkReportUrl(db, actor(focalB), { reportId: draft.id, url: texts.evidenceUrl, title: texts.evidenceTitle, note: texts.evidenceNote });
  const fileLink = await linkReportFile(db, actor(focalB), {
    reportId: draft.id, fileName: texts.fileName, bytes: new TextEncoder().encode(texts.fileContent), note: texts.fileNote,
  });

  // B's submission, and a submission returned with a comment.
  const submitted = await saveStatusReport(db, actor(focalB), {
    ...key(B.id, c1), version: 0, status: 'SUBSTANTIALLY_IMPLEMENTED', narrative: texts.submittedNarrative, asOf: null, intent: 'submit',
  });
  const toReturn = await saveStatusReport(db, actor(focalB), {
    ...key(B.id, c2), version: 0, status: 'NOT_STARTED', narrative: texts.returnedNarrative, asOf: null, intent: 'submit',
  });
  const returned = await reviewStatusReport(db, actor(reviewer), { reportId: toReturn.id, version: toReturn.version, decision: 'return', comment: texts.reviewComment });

  // Commitment-level evidence B's focal point proposed: only B's focal point and reviewers see it until it is accepted.
  const proposalUrl = await linkUrl(db, actor(focalB), { commitmentId: c0, url: texts.proposalUrl, title: texts.proposalTitle, note: texts.proposalNote });
  const proposalFile = await linkFile(db, actor(focalB), {
    commitmentId: c0, fileName: texts.proposalFileName, bytes: new TextEncoder().encode(texts.proposalFileContent), note: texts.proposalNote,
  });

  // A's own draft (assigned to A's contributor), with a file: what A may read.
  await assignCommitments(db, actor(focalA), { entityId: A.id, cycleId: cycle.id, commitmentId: [c0], assigneeId: contributorA.id });
  const draftA = await saveStatusReport(db, actor(focalA), {
    ...key(A.id, c0), version: 0, status: 'IN_PROGRESS', narrative: `${options.prefix} Own draft of entity A.`, asOf: null, intent: 'save',
  });
  const fileA = await linkReportFile(db, actor(focalA), {
    reportId: draftA.id, fileName: 'own-evidence-a.txt', bytes: new TextEncoder().encode(`${options.prefix} Evidence file of entity A.\n`), note: '',
  });

  const fileOf = async (linkId: string) => (await db.evidenceLink.findUniqueOrThrow({ where: { id: linkId }, select: { fileId: true } })).fileId!;
  return {
    prefix: options.prefix,
    texts,
    cycle,
    entities: { A, B },
    users: { admin, reviewer, viewer, focalA, contributorA, focalB, contributorB: { id: invited.id, email: texts.contributorEmail, name: texts.contributorName } },
    b: {
      draft: { id: draft.id, commitmentId: c0, version: draft.version },
      submitted: { id: submitted.id, commitmentId: c1, version: submitted.version },
      returned: { id: returned.id, commitmentId: c2, version: returned.version },
      reportFileId: await fileOf(fileLink.id), reportFileLinkId: fileLink.id, reportUrlLinkId: urlLink.id,
      proposalFileId: await fileOf(proposalFile.id), proposalFileLinkId: proposalFile.id, proposalUrlLinkId: proposalUrl.id,
    },
    a: { draft: { id: draftA.id, commitmentId: c0, version: draftA.version }, reportFileId: await fileOf(fileA.id) },
  };
}
