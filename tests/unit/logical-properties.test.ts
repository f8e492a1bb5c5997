// Layouts work right to left (Arabic): spacing, insets, borders, corners and alignment are written
// with logical utilities (ms-, pe-, start-, text-end, border-s, rounded-e ...), which follow the
// writing direction by themselves. This guard names every physical one left in app/**/*.tsx,
// components/**/*.tsx and app/globals.css, so it cannot creep back in.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

function filesUnder(dir: string, name: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path, name) : name.test(entry.name) ? [path] : [];
  });
}

// A class token: optional variants ("md:", "rtl:", "aria-[x]:"), an optional "!" or "-", the utility.
const BOUNDARY_BEFORE = String.raw`(?<![\w\-/\[.])`;
const BOUNDARY_AFTER = String.raw`(?![\w\-\[])`;
const VARIANTS = String.raw`((?:[\w\-\[\]=&"'().*]+:)*)!?-?`;
const VALUE = String.raw`(?:\d+/\d+|\d+(?:\.\d+)?|px|full|auto|\[[^\]\s]+\])`;
const PHYSICAL_UTILITY = new RegExp(
  BOUNDARY_BEFORE +
    VARIANTS +
    '(' +
    [
      `(?:m|p|scroll-m|scroll-p)[lr]-${VALUE}`,
      `(?:left|right)-${VALUE}`,
      String.raw`border-[lr](?:-[\w\-/\[\]#.]+)?`,
      String.raw`rounded-(?:[lr]|tl|tr|bl|br)(?:-[\w\[\]]+)?`,
      'text-(?:left|right)',
      '(?:float|clear)-(?:left|right)',
      'origin-(?:(?:top|bottom)-)?(?:left|right)',
      'bg-(?:linear|gradient)-to-(?:[lr]|tl|tr|bl|br)',
      `translate-x-${VALUE}`,
      '(?:space|divide)-x-reverse',
      String.raw`\[(?:margin|padding|border)-(?:left|right)[\w-]*:[^\]]*\]`,
      String.raw`\[(?:left|right):[^\]]*\]`,
    ].join('|') +
    ')' +
    BOUNDARY_AFTER,
  'g',
);

// Inline styles ({ marginLeft: ... }) on a line that sets a style.
const PHYSICAL_STYLE_KEY = /\b(?:margin|padding|border)(?:Left|Right)\w*\s*:|(?<![\w.])(?:left|right)\s*:|\btextAlign\s*:\s*['"](?:left|right)['"]|\bfloat\s*:\s*['"](?:left|right)['"]/g;

// Declarations in CSS.
const PHYSICAL_CSS = /(?<![\w-])(?:(?:margin|padding|border|scroll-margin|scroll-padding)-(?:left|right)[\w-]*|left|right|border-(?:top|bottom)-(?:left|right)-radius)\s*:|(?:text-align|float|clear)\s*:\s*(?:left|right)\b/g;

// Arrows that point a direction: they must turn round in a right-to-left page.
const DIRECTIONAL_ARROW = /[←→‹›⟵⟶➔➜]/g;
const MIRRORED = /rtl:-scale-x-100|rtl:rotate-180/;

/**
 * What may stay physical, and why: kept tiny. A physical utility is also accepted when the same
 * line sets its right-to-left counterpart with the `rtl:` variant (the author handled both).
 */
const ALLOWED: { file: string; token: string; why: string }[] = [];

/** The code of a line, without its comments (a URL's "//" is not a comment). */
function codeOf(line: string): string {
  if (/^\s*(\/\/|\*|\/\*)/.test(line)) return '';
  return line.replace(/\{?\/\*.*?\*\/\}?/g, '').replace(/(^|\s)\/\/\s.*$/, '$1');
}

/** The physical-direction utilities, style keys and arrows of one TSX line. */
function physicalInTsx(line: string): string[] {
  const code = codeOf(line);
  const found: string[] = [];
  for (const match of code.matchAll(PHYSICAL_UTILITY)) {
    const [token, variants] = match;
    if (/\b(rtl|ltr):$/.test(variants ?? '')) continue;
    const family = match[2]!.replace(/^(bg-(?:linear|gradient)-to|translate-x|\[?[a-z]+).*$/, '$1').replace('[', '\\[');
    const handledBothWays = new RegExp(`(?:^|[\\s"'\`:])rtl:!?-?${family}-`).test(code);
    if (!handledBothWays) found.push(token);
  }
  if (/\bstyle=\{\{/.test(code)) found.push(...[...code.matchAll(PHYSICAL_STYLE_KEY)].map(([key]) => key.trim()));
  if (DIRECTIONAL_ARROW.test(code) && !MIRRORED.test(code)) found.push(...(code.match(DIRECTIONAL_ARROW) ?? []));
  DIRECTIONAL_ARROW.lastIndex = 0;
  return found;
}

/** The physical-direction declarations of one CSS line. */
function physicalInCss(line: string): string[] {
  const code = line.replace(/\/\*.*?\*\//g, '');
  return [...code.matchAll(PHYSICAL_CSS)].map(([declaration]) => declaration.trim());
}

function offences(): string[] {
  const sources = [...filesUnder(join(root, 'app'), /\.tsx$/), ...filesUnder(join(root, 'components'), /\.tsx$/)];
  const found: string[] = [];
  const report = (file: string, index: number, tokens: string[]) => {
    const name = relative(root, file);
    for (const token of tokens) {
      if (ALLOWED.some((allowed) => allowed.file === name && allowed.token === token)) continue;
      found.push(`${name}:${index + 1}: ${token}`);
    }
  };
  for (const file of sources) readFileSync(file, 'utf8').split('\n').forEach((line, index) => report(file, index, physicalInTsx(line)));
  const css = join(root, 'app/globals.css');
  let inComment = false;
  readFileSync(css, 'utf8').split('\n').forEach((line, index) => {
    // Block comments across lines say "left" and "right" in prose.
    const wasInComment = inComment;
    if (line.includes('/*') && !line.includes('*/')) inComment = true;
    if (line.includes('*/')) inComment = false;
    if (!wasInComment) report(css, index, physicalInCss(line));
  });
  return found;
}

describe('physical direction in the interface', () => {
  it('recognises physical utilities, style keys, arrows and declarations', () => {
    expect(physicalInTsx('<div className="ml-2 pr-4 md:left-0 text-right border-l-2 rounded-tr-lg">')).toEqual(['ml-2', 'pr-4', 'md:left-0', 'text-right', 'border-l-2', 'rounded-tr-lg']);
    expect(physicalInTsx('<p className="float-left origin-top-right bg-linear-to-r -translate-x-1/2 !mr-[3px]">')).toEqual(['float-left', 'origin-top-right', 'bg-linear-to-r', '-translate-x-1/2', '!mr-[3px]']);
    expect(physicalInTsx('<div style={{ marginLeft: 4, left: 0 }} />')).toEqual(['marginLeft:', 'left:']);
    expect(physicalInTsx('<Link href="/x">Next →</Link>')).toEqual(['→']);
    expect(physicalInCss('  margin-left: 1rem; text-align: right;')).toEqual(['margin-left:', 'text-align: right']);
  });

  it('accepts logical utilities, both-ways pairs, mirrored arrows, prose and other APIs', () => {
    expect(physicalInTsx('<div className="ms-2 pe-4 start-0 end-0 text-start border-s-2 rounded-se-lg inset-x-0 space-x-2">')).toEqual([]);
    expect(physicalInTsx('<span className="bg-linear-to-r rtl:bg-linear-to-l">')).toEqual([]);
    expect(physicalInTsx('<span className="inline-block rtl:-scale-x-100">→</span>')).toEqual([]);
    expect(physicalInTsx("// scrollLeft runs negative from the start in a right-to-left page.")).toEqual([]);
    expect(physicalInTsx("element.scrollTo({ left: offset, behavior: 'instant' });")).toEqual([]);
    expect(physicalInTsx("{note.placement.kind === 'left-out' && t('lineNotes.leftOut')}")).toEqual([]);
    expect(physicalInTsx('<li style={{ paddingInlineStart: `${depth}rem` }}>')).toEqual([]);
    expect(physicalInCss('  margin-inline-start: 1rem; inset-inline-end: 0; text-align: start;')).toEqual([]);
  });

  it('leaves none in app/**/*.tsx, components/**/*.tsx and app/globals.css', () => {
    expect(offences(), 'use the logical utility (ms-/me-, ps-/pe-, start-/end-, text-start/end, border-s/e, rounded-s/e/ss/se/es/ee), or mirror the arrow with rtl:-scale-x-100').toEqual([]);
  });

  it('keeps its allow-list small and explained', () => {
    expect(ALLOWED.length).toBeLessThanOrEqual(5);
    for (const allowed of ALLOWED) expect(allowed.why.length).toBeGreaterThan(20);
  });

  it('mirrors every chart (an svg figure with role="img") in a right-to-left page', () => {
    const charts = [...filesUnder(join(root, 'components'), /\.tsx$/), ...filesUnder(join(root, 'app'), /\.tsx$/)].flatMap((file) =>
      readFileSync(file, 'utf8').split('\n').flatMap((line, index) => (/<svg\b[^>]*role="img"/.test(line) ? [{ where: `${relative(root, file)}:${index + 1}`, line }] : [])),
    );
    expect(charts.length).toBeGreaterThan(0);
    expect(charts.filter(({ line }) => !line.includes('chart-mirrors-in-rtl')).map(({ where }) => where)).toEqual([]);
  });
});
