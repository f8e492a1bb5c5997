// Every server action of the application, found in its sources (not listed by hand), so that a
// sweep over them covers a new action the day it is written: each module whose first statement is
// 'use server' (ARCHITECTURE.md: lib/<domain>/actions.ts, thin `*Action` exports), and the names it
// exports. A 'use server' directive anywhere else (an action defined inline in a component or a
// page) is reported separately: the sweeps cannot call those directly, so they fail on them.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Where server actions may be written. */
const SOURCE_FOLDERS = ['app', 'components', 'lib'];
const SKIPPED = new Set(['node_modules', 'generated', '.next']);

export type ServerAction = { file: string; name: string };

function* sourceFiles(folder: string): Generator<string> {
  if (!existsSync(folder)) return;
  for (const entry of readdirSync(folder).sort()) {
    if (SKIPPED.has(entry)) continue;
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|js|jsx|mjs)$/.test(entry)) yield path;
  }
}

/** The source without comments (so that a comment quoting 'use server' counts for nothing). */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"\\])\/\/.*$/gm, '$1');
}

const DIRECTIVE = /^\s*(['"])use server\1\s*;?/;

/** The names a 'use server' module exports (every export of such a module is a server action). */
function exportedNames(source: string, file: string): string[] {
  const names: string[] = [];
  for (const match of source.matchAll(/^export\s+(?:const|let|var|async\s+function\*?|function\*?)\s+([A-Za-z_$][\w$]*)/gm)) names.push(match[1]!);
  for (const match of source.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of match[1]!.split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name) names.push(name);
    }
  }
  if (/^export\s+default\b/m.test(source)) names.push('default');
  if (/^export\s+\*/m.test(source)) throw new Error(`${file}: 'export *' from a 'use server' module cannot be enumerated; export each action by name`);
  return names;
}

export type ServerActionInventory = {
  /** Actions of 'use server' modules, by file and exported name. */
  actions: ServerAction[];
  /** Files with a 'use server' directive that is not the module's first statement (inline actions). */
  inline: string[];
};

export function findServerActions(root = ROOT): ServerActionInventory {
  const actions: ServerAction[] = [];
  const inline: string[] = [];
  for (const folder of SOURCE_FOLDERS) {
    for (const path of sourceFiles(join(root, folder))) {
      const source = readFileSync(path, 'utf8');
      if (!source.includes('use server')) continue;
      const code = withoutComments(source);
      const file = relative(root, path).split('\\').join('/');
      if (DIRECTIVE.test(code)) {
        for (const name of exportedNames(code, file)) actions.push({ file, name });
        if ((code.replace(DIRECTIVE, '').match(/(['"])use server\1/g) ?? []).length > 0) inline.push(file);
      } else if (/(['"])use server\1/.test(code)) {
        inline.push(file);
      }
    }
  }
  return { actions, inline };
}

export const actionKey = (action: ServerAction) => `${action.file}#${action.name}`;

/**
 * The actions a production build knows (.next/server/server-reference-manifest.json), when there
 * is a build: every one must be among those found in the sources.
 */
export function builtServerActions(root = ROOT): ServerAction[] | null {
  const path = join(root, '.next', 'server', 'server-reference-manifest.json');
  if (!existsSync(path)) return null;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { node?: Record<string, { filename?: string; exportedName?: string }> };
  return Object.values(manifest.node ?? {}).flatMap((entry) => (entry.filename && entry.exportedName ? [{ file: entry.filename, name: entry.exportedName }] : []));
}
