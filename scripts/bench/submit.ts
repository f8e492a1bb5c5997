// The write path: focal points submitting draft reports through the server action
// `saveStatusReportAction` (the report, its StatusEvent and its AuditEvent in one transaction).
// Each request submits a different draft, taken from a pool; the answer must say `"ok":true`.
// Then the audit row's share of a write, measured in-process (see auditShare).
import type { Request } from 'autocannon';
import { reportPath } from '@/lib/status-reports/paths';
import { createPrismaClient, type Db } from '@/lib/db/client';
import { saveStatusReport } from '@/lib/status-reports/mutations';
import { BENCH_PASSWORD } from './fixture';
import { actionRequest, actionSucceeded } from './action-request';
import { measureHttp } from './http-load';
import type { SubmitMeasurement } from './results';
import { round } from './results';
import { signIn } from './session';
import type { BenchServer } from './server';
import { loadDraftPool, type DraftReport } from './targets';
import { since } from './timings';

/** Reports submitted in-process to measure the audit row's share. */
const AUDIT_SAMPLE = 50;

const fieldsOf = (report: DraftReport, cycleId: string): Record<string, string> => ({
  cycleId, entityId: report.entityId, commitmentId: report.commitmentId, version: String(report.version),
  status: 'IN_PROGRESS', narrative: '[BENCH] Submitted by the benchmark.', asOf: '', intent: 'submit',
});

export async function measureSubmit(options: {
  server: BenchServer; databaseUrl: string; cycle: { id: string; code: string }; excludeEntityId: string;
  connections: number; duration: number; warmupSeconds: number; log: (line: string) => void;
}): Promise<SubmitMeasurement> {
  const { server, cycle } = options;
  // Enough drafts for a fast server (~150 submissions a second), from 20 entities or more.
  const wanted = Math.ceil((options.duration + options.warmupSeconds) * 150) + AUDIT_SAMPLE;
  const pool = await loadDraftPool(options.databaseUrl, cycle.id, options.excludeEntityId, 20, wanted);
  const inProcess = pool.reports.splice(0, Math.min(AUDIT_SAMPLE, Math.floor(pool.reports.length / 3)));
  if (pool.reports.length < options.connections) {
    throw new Error(`Only ${pool.reports.length} draft reports left to submit in the open cycle (earlier runs submitted them): regenerate the data with npm run bench:data.`);
  }
  if (pool.reports.length < wanted - AUDIT_SAMPLE) options.log(`  only ${pool.reports.length} drafts to submit: the run may end before ${options.duration} s`);

  // Sign-ins a few at a time: each costs an argon2 hash on the server.
  const cookies = new Map<string, string>();
  const signing = pool.entities.filter((candidate) => pool.reports.some((report) => report.entityId === candidate.id));
  for (let start = 0; start < signing.length; start += 4) {
    await Promise.all(signing.slice(start, start + 4).map(async (entity) => cookies.set(entity.id, await signIn(server.baseUrl, entity.email, BENCH_PASSWORD))));
  }
  const actionId = await server.actionId('saveStatusReportAction');
  let next = 0;
  const setupRequest = (request: Request): Request => {
    const report = pool.reports[next++];
    // Never sent while the pool lasts (autocannon's `amount`); if it were, an error, not a resubmission.
    if (!report) return { ...request, method: 'GET', path: '/api/bench-pool-exhausted' };
    return {
      ...request,
      ...actionRequest({
        path: `/en${reportPath(cycle.code, report.entityCode, report.commitmentId)}`, actionId, origin: server.baseUrl,
        cookie: cookies.get(report.entityId)!, fields: fieldsOf(report, cycle.id),
      }),
    };
  };
  const latency = await measureHttp({
    baseUrl: server.baseUrl, connections: options.connections, duration: options.duration, warmupSeconds: options.warmupSeconds,
    requests: [{ setupRequest }], verify: actionSucceeded, remaining: () => pool.reports.length - next,
  });
  return { ...latency, ...(await auditShare(options.databaseUrl, cycle.id, inProcess, pool.entities)) };
}

/**
 * The audit row's share of a submission: the same mutation the action runs (saveStatusReport),
 * called here one report at a time on a Prisma client whose query extension times every
 * `auditEvent.create`, inside the interactive transaction too. Share = time in those inserts /
 * time of the whole writes. One at a time, so that it is the cost of the row, not of contention.
 */
async function auditShare(
  url: string, cycleId: string, reports: DraftReport[], entities: { id: string; userId: string }[],
): Promise<Pick<SubmitMeasurement, 'audit_share' | 'audit_sample'>> {
  let auditMs = 0;
  let audits = 0;
  const base = createPrismaClient(url);
  const timed = base.$extends({
    query: {
      auditEvent: {
        async create({ args, query }) {
          const start = performance.now();
          try {
            return await query(args);
          } finally {
            auditMs += since(start);
            audits++;
          }
        },
      },
    },
  });
  // The extended client is the same client with timing added; mutations are typed for the plain one.
  const db = timed as unknown as Db;
  const userOf = new Map(entities.map((entity) => [entity.id, entity.userId]));
  let writeMs = 0;
  try {
    for (const report of reports) {
      const actor = { id: userOf.get(report.entityId)!, role: 'FOCAL_POINT' as const, entityId: report.entityId };
      const fields = fieldsOf(report, cycleId);
      const start = performance.now();
      await saveStatusReport(db, actor, {
        cycleId, entityId: report.entityId, commitmentId: report.commitmentId, version: report.version,
        status: 'IN_PROGRESS', narrative: fields.narrative!, asOf: null, intent: 'submit',
      });
      writeMs += since(start);
    }
  } finally {
    await base.$disconnect();
  }
  if (reports.length > 0 && audits !== reports.length) {
    throw new Error(`Timed ${audits} audit rows for ${reports.length} submissions: the query extension did not see every insert.`);
  }
  return {
    audit_share: writeMs > 0 ? round(auditMs / writeMs, 4) : 0,
    audit_sample: { writes: reports.length, write_ms_mean: round(writeMs / Math.max(1, reports.length), 2), audit_ms_mean: round(auditMs / Math.max(1, reports.length), 2) },
  };
}
