// Logging: one line per audited change, written once the change has committed and never for one
// rolled back, naming the change but not what people wrote; secrets redacted; a line break in
// input stays inside its line. Every text here is synthetic.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/lib/db/client';
import { recordAudit } from '@/lib/audit/record';
import { createLogger, log } from '@/lib/log';
import { saveStatusReport } from '@/lib/status-reports/mutations';
import { createStatusWorld, type StatusWorld } from '../support/status-fixtures';
import { createTestDatabase } from '../support/test-database';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let world: StatusWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  world = await createStatusWorld(db);
});

afterAll(async () => {
  await database?.drop();
});

const audited = (spy: ReturnType<typeof vi.spyOn>) =>
  spy.mock.calls.filter((call: unknown[]) => call[1] === 'audited change').map((call: unknown[]) => call[0]);

describe('audited changes in the log', () => {
  it('a committed change is logged once, by name, without the text written', async () => {
    const spy = vi.spyOn(log, 'info');
    try {
      const saved = await saveStatusReport(db, world.users.focalMex, {
        cycleId: world.cycle.id, entityId: world.entities.MEX, commitmentId: world.commitments[0]!, version: 0,
        status: 'IN_PROGRESS', narrative: '[TEST] A narrative that stays out of the log.', asOf: null, intent: 'save',
      }, new Date('2026-06-02T00:00:00Z'));
      expect(audited(spy)).toEqual([{ audit: 'status-report.save', entityType: 'StatusReport', entityId: saved.id, actorId: world.users.focalMex.id }]);
      expect(JSON.stringify(spy.mock.calls)).not.toContain('stays out of the log');
    } finally {
      spy.mockRestore();
    }
  });

  it('a change rolled back is not logged', async () => {
    const spy = vi.spyOn(log, 'info');
    try {
      await expect(db.$transaction(async (tx) => {
        await recordAudit(tx, { actorId: world.users.admin.id, action: 'test.rolled-back', entityType: 'Test', entityId: 'x' });
        throw new Error('[TEST] undone');
      })).rejects.toThrow('[TEST] undone');
      expect(audited(spy)).toEqual([]);
      expect(await db.auditEvent.count({ where: { action: 'test.rolled-back' } })).toBe(0);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('the log lines', () => {
  it('redact secrets wherever they are, and keep a line break of input inside one line', () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } });
    const logger = createLogger(sink, 'info');
    logger.info({ password: 'hunter2', user: { passwordHash: 'argon-hash', token: 'tok' }, note: '[TEST] first\nFAKE {"level":50}' }, 'sign-in');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.trimEnd().split('\n')).toHaveLength(1);
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ password: '[redacted]', user: { passwordHash: '[redacted]', token: '[redacted]' }, note: '[TEST] first\nFAKE {"level":50}', msg: 'sign-in' });
    expect(lines[0]).not.toMatch(/hunter2|argon-hash|"tok"/);
  });
});
