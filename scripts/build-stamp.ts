// Tells whether the production build in .next was made from the current sources, so that
// `npm start` and the end-to-end tests rebuild only when something changed.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const SOURCES = ['app', 'components', 'lib', 'messages', 'public', 'proxy.ts', 'next.config.js', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json'];
const STAMP = join('.next', 'source-fingerprint');

async function* files(path: string): AsyncGenerator<string> {
  if (!existsSync(path)) return;
  const entries = await readdir(path, { withFileTypes: true }).catch(() => null);
  if (!entries) {
    yield path;
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) yield* files(join(path, entry.name));
}

async function fingerprint(root: string): Promise<string> {
  const hash = createHash('sha256');
  for (const source of SOURCES) {
    for await (const file of files(join(root, source))) {
      hash.update(relative(root, file)).update('\0').update(await readFile(file)).update('\0');
    }
  }
  return hash.digest('hex');
}

export async function buildIsCurrent(root: string): Promise<boolean> {
  const stamp = join(root, STAMP);
  if (!existsSync(join(root, '.next', 'BUILD_ID')) || !existsSync(stamp)) return false;
  return (await readFile(stamp, 'utf8')).trim() === (await fingerprint(root));
}

export async function recordBuild(root: string): Promise<void> {
  await writeFile(join(root, STAMP), (await fingerprint(root)) + '\n');
}
