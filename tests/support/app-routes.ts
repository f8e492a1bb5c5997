// Every route of the application, read from the app directory (every page.tsx and route.ts), so
// that a sweep over them covers a page the day it is added: its path pattern with the dynamic
// segments named ("[locale]", "[code]", "[...rest]"), route groups ("(public)") dropped, whether
// the page reads its query string, and which HTTP methods an API route exports.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export type AppRoute = {
  kind: 'page' | 'api';
  /** The file, from the project root. */
  file: string;
  /** The URL path's segments, dynamic ones as written in the folder name. */
  segments: string[];
  /** A page that reads `searchParams`: swept with query strings too. */
  readsSearchParams: boolean;
  /** The HTTP methods an API route exports (GET, POST …). */
  methods: string[];
};

function* files(folder: string): Generator<string> {
  if (!existsSync(folder)) return;
  for (const entry of readdirSync(folder).sort()) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

export function findAppRoutes(root = ROOT): AppRoute[] {
  const routes: AppRoute[] = [];
  const app = join(root, 'app');
  for (const path of files(app)) {
    const match = /(?:^|\/)(page|route)\.(tsx|ts|jsx|js)$/.exec(path.split('\\').join('/'));
    if (!match) continue;
    const file = relative(root, path).split('\\').join('/');
    const folders = relative(app, path).split(/[\\/]/).slice(0, -1);
    // Route groups and parallel-route slots do not appear in the URL; private folders are not routes.
    if (folders.some((folder) => folder.startsWith('_'))) continue;
    const segments = folders.filter((folder) => !/^\(.*\)$/.test(folder) && !folder.startsWith('@'));
    const source = readFileSync(path, 'utf8');
    if (match[1] === 'page') {
      routes.push({ kind: 'page', file, segments, readsSearchParams: /\bsearchParams\b/.test(source), methods: ['GET'] });
    } else {
      const methods = [...source.matchAll(/export\s+(?:async\s+function|function|const)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)].map((m) => m[1]!);
      for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
        for (const part of m[1]!.split(',')) {
          const name = part.trim().split(/\s+as\s+/).pop()?.trim();
          if (name && /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(name)) methods.push(name);
        }
      }
      routes.push({ kind: 'api', file, segments, readsSearchParams: true, methods: [...new Set(methods)] });
    }
  }
  return routes;
}

/** "[locale]/reports/[cycle]" style, for messages and tables. */
export const patternOf = (route: AppRoute) => `/${route.segments.join('/')}`;
