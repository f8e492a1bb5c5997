// The messages pages give the browser (lib/i18n/client-messages.ts) and the form they take there
// (compiled at build time, next.config.js).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import compile from 'icu-minify/compile';
import formatAtRuntime from 'use-intl/format-message';
import formatCompiled from 'use-intl/format-message/format-only';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import { SHELL_NAMESPACES } from '@/lib/i18n/client-messages';

const root = resolve(__dirname, '../..');
const localeRoot = join(root, 'app/[locale]');

function filesUnder(dir: string, name: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path, name) : name.test(entry.name) ? [path] : [];
  });
}

const source = (file: string) => readFileSync(file, 'utf8');
const isClient = (file: string) => /^\s*['"]use client['"]/.test(source(file));

/** The project's modules a module imports (values, not types). */
function importsOf(file: string): string[] {
  const found: string[] = [];
  for (const [, typeOnly, specifier] of source(file).matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gm)) {
    if (typeOnly || !specifier || !(specifier.startsWith('@/') || specifier.startsWith('.'))) continue;
    const base = specifier.startsWith('@/') ? join(root, specifier.slice(2)) : resolve(dirname(file), specifier);
    const path = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((extension) => base + extension).find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
    if (path) found.push(path);
  }
  return found;
}

/** The namespaces that code running in the browser translates with, among what a route file renders. */
function clientNamespaces(entry: string): Set<string> {
  const namespaces = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string, inClient: boolean) => {
    const key = `${file}:${inClient}`;
    if (seen.has(key) || /^\s*['"]use server['"]/.test(source(file))) return;
    seen.add(key);
    const client = inClient || isClient(file);
    if (client) for (const [, namespace] of source(file).matchAll(/useTranslations\(\s*'([^'.]*)/g)) namespaces.add(namespace!);
    for (const imported of importsOf(file)) visit(imported, client);
  };
  visit(entry, false);
  return namespaces;
}

/** What the nearest section layout at or above `dir` gives its client components (the shell's outside any). */
function providedAt(dir: string): string[] {
  for (let at = dir; at.startsWith(localeRoot) && at !== localeRoot; at = dirname(at)) {
    const layout = join(at, 'layout.tsx');
    const declared = existsSync(layout) ? /<ClientMessages namespaces=\{\[([^\]]*)\]\}/.exec(source(layout)) : null;
    if (declared) return [...declared[1]!.matchAll(/'([^']+)'/g)].map(([, namespace]) => namespace!);
  }
  return [...SHELL_NAMESPACES];
}

describe('messages sent to the browser', () => {
  const routeFiles = filesUnder(localeRoot, /^(page|layout|error|not-found)\.tsx$/);

  it.each(routeFiles.map((file) => [relative(root, file), file]))('cover what the client components of %s translate with', (_name, file) => {
    // A layout's own components sit outside the messages it gives its children.
    const dir = file.endsWith('layout.tsx') ? dirname(dirname(file)) : dirname(file);
    const provided = new Set(file === join(localeRoot, 'layout.tsx') ? SHELL_NAMESPACES : providedAt(dir));
    expect([...clientNamespaces(file)].filter((namespace) => !provided.has(namespace))).toEqual([]);
  });
});

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[prefix + key, value] as [string, string]] : leaves(value, `${prefix}${key}.`)));
}

/** Values to try for each argument of a compiled message: every branch of a select, plural forms, dates, tags. */
function sampleValues(node: unknown, samples: Map<string, unknown[]>): Map<string, unknown[]> {
  if (!Array.isArray(node)) return samples;
  if (typeof node[0] !== 'string') {
    for (const child of node) sampleValues(child, samples);
    return samples;
  }
  const [name, type, ...rest] = node as [string, unknown, ...unknown[]];
  const branches = () => Object.values(rest[0] as Record<string, unknown>).forEach((branch) => sampleValues(branch, samples));
  if (type === undefined) samples.set(name, samples.get(name) ?? ['Text', 7]);
  else if (type === 1) { samples.set(name, [...Object.keys(rest[0] as object), 'unlisted']); branches(); }
  else if (type === 2 || type === 3) { samples.set(name, [0, 1, 2, 5, 1234]); branches(); }
  else if (type === 4) samples.set(name, [0, 1234.5]);
  else if (type === 5 || type === 6) samples.set(name, [new Date(Date.UTC(2016, 3, 19, 13, 5))]);
  else {
    samples.set(name, [(chunks: unknown[]) => `<${name}>${[chunks].flat().join('')}</${name}>`]);
    for (const child of [type, ...rest]) sampleValues(child, samples);
  }
  return samples;
}

describe('messages compiled at build time', () => {
  const formatters = {
    getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args),
    getNumberFormat: (...args: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...args),
    getPluralRules: (...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args),
    getRelativeTimeFormat: (...args: ConstructorParameters<typeof Intl.RelativeTimeFormat>) => new Intl.RelativeTimeFormat(...args),
    getListFormat: (...args: ConstructorParameters<typeof Intl.ListFormat>) => new Intl.ListFormat(...args),
    getDisplayNames: (...args: ConstructorParameters<typeof Intl.DisplayNames>) => new Intl.DisplayNames(...args),
  };
  const text = (value: unknown) => [value].flat().join('');

  it.each([['en', en], ['zh', zh]] as const)('say every %s message as the runtime formatter does', (locale, catalogue) => {
    const options = { cache: { dateTime: {}, number: {}, message: {}, relativeTime: {}, pluralRules: {}, list: {}, displayNames: {} }, formatters, locale, timeZone: 'UTC' };
    const differences: string[] = [];
    for (const [key, message] of leaves(catalogue as Tree)) {
      const compiled = compile(message);
      const samples = [...sampleValues(compiled, new Map())];
      // Every combination of the samples (a few hundred at most for the longest messages).
      const combinations = samples.reduce<Record<string, unknown>[]>((all, [name, values]) => all.flatMap((done) => values.map((value) => ({ ...done, [name]: value }))), [{}]);
      for (const values of combinations) {
        const given = samples.length > 0 ? (values as Parameters<typeof formatAtRuntime>[2]) : undefined;
        const atRuntime = text(formatAtRuntime(key, message, given, options as Parameters<typeof formatAtRuntime>[3]));
        const precompiled = text(formatCompiled(key, compiled, given, options as Parameters<typeof formatCompiled>[3]));
        if (atRuntime !== precompiled) differences.push(`${key} ${JSON.stringify(values)}: ${atRuntime} / ${precompiled}`);
      }
    }
    expect(differences).toEqual([]);
  });
});
