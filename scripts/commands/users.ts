import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createUser, disableUser } from '@/lib/users/mutations';
import { withDatabase } from './database';
import { UsageError, type Command } from './types';

export const createUserCommand: Command = {
  name: 'create-user',
  summary: 'Create an account (prints a generated initial password unless one is piped in).',
  usage: 'create-user --email EMAIL --name NAME --role ADMIN|SECRETARIAT|FOCAL_POINT|VIEWER [--entity CODE] [--password-stdin]',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, entity: { type: 'string' },
        'password-stdin': { type: 'boolean' },
      },
      strict: true,
    });
    const generated = !values['password-stdin'];
    const password = generated ? randomBytes(12).toString('base64url') : (await readStdin()).replace(/\r?\n$/, '');
    await withDatabase(async (db) => {
      try {
        const user = await createUser(db, null, {
          email: values.email ?? '', name: values.name ?? '', role: (values.role ?? '').toUpperCase() as never,
          entityCode: values.entity, password,
        });
        console.log(`Created ${user.email} (${user.role}).`);
        if (generated) console.log(`Initial password (give it to the person, who should change it): ${password}`);
      } catch (error) {
        if (error instanceof z.ZodError) throw new UsageError(error.issues.map((issue) => issue.message).join('\n'));
        throw error;
      }
    });
  },
};

export const disableUserCommand: Command = {
  name: 'disable-user',
  summary: 'Disable an account; its sessions end at their next request.',
  usage: 'disable-user --email EMAIL',
  async run(args) {
    const { values } = parseArgs({ args, options: { email: { type: 'string' } }, strict: true });
    if (!values.email) throw new UsageError('Give the account with --email.');
    await withDatabase(async (db) => {
      await disableUser(db, null, values.email!);
      console.log(`Disabled ${values.email}.`);
    });
  },
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
