import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, disableUser } from '@/lib/users/mutations';
import { verifyPassword } from '@/lib/auth/password';
import { DomainError } from '@/lib/errors';
import { seedReferenceData } from '@/prisma/seed/seed-reference';
import { createTestDatabase } from '../support/test-database';

let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReferenceData(database.db);
});

afterAll(() => database.drop());

describe('createUser', () => {
  it('creates a focal point of an entity, with a hashed password and an audit row', async () => {
    const user = await createUser(database.db, null, {
      email: ' Focal.Point@Example.TEST ', name: 'Focal Point', role: 'FOCAL_POINT', entityCode: 'mex', password: 'a long enough password',
    });
    expect(user).toMatchObject({ email: 'focal.point@example.test', role: 'FOCAL_POINT' });
    const stored = await database.db.user.findUniqueOrThrow({
      where: { id: user.id }, select: { passwordHash: true, entity: { select: { code: true } } },
    });
    expect(stored.entity?.code).toBe('MEX');
    expect(stored.passwordHash).not.toContain('a long enough password');
    expect(await verifyPassword(stored.passwordHash, 'a long enough password')).toBe(true);
    const audit = await database.db.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: 'user.create' } });
    expect(JSON.stringify(audit.after)).not.toContain('passwordHash');
  });

  it('never returns the password hash from ordinary queries', async () => {
    const user = await database.db.user.findFirstOrThrow();
    expect(user).not.toHaveProperty('passwordHash');
  });

  it('refuses a duplicate e-mail and an unknown entity, writing nothing', async () => {
    const before = await database.db.user.count();
    await expect(createUser(database.db, null, {
      email: 'focal.point@example.test', name: 'Again', role: 'VIEWER', password: 'a long enough password',
    })).rejects.toThrow(DomainError);
    await expect(createUser(database.db, null, {
      email: 'other@example.test', name: 'Other', role: 'FOCAL_POINT', entityCode: 'ZZZ', password: 'a long enough password',
    })).rejects.toThrow('No reporting entity has the code ZZZ.');
    expect(await database.db.user.count()).toBe(before);
  });

  it('returns every problem of bad input at once', async () => {
    const error = await createUser(database.db, null, {
      email: 'not an address', name: '', role: 'FOCAL_POINT', password: 'short',
    }).catch((caught: unknown) => caught);
    const messages = (error as { issues: { message: string }[] }).issues.map((issue) => issue.message);
    expect(messages).toEqual(expect.arrayContaining([
      'Enter a valid e-mail address.', 'Enter a name.', 'The password must have at least 10 characters.',
    ]));
  });
});

describe('disableUser', () => {
  it('disables the account and bumps its session version, with the change audited', async () => {
    const result = await disableUser(database.db, null, 'FOCAL.POINT@example.test');
    expect(result).toMatchObject({ disabled: true, sessionVersion: 1 });
    const audit = await database.db.auditEvent.findFirstOrThrow({ where: { action: 'user.disable' } });
    expect(audit.before).toMatchObject({ disabled: false, sessionVersion: 0 });
    expect(audit.after).toMatchObject({ disabled: true, sessionVersion: 1 });
  });

  it('says clearly when there is no such account', async () => {
    await expect(disableUser(database.db, null, 'nobody@example.test')).rejects.toThrow('No account has the e-mail address nobody@example.test.');
  });
});
