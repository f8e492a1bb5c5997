// First-load JavaScript of the focal point's pages, from the production build as served: every
// script a page's HTML loads (<script src>, noModule polyfills aside, and the scripts it
// preloads), fetched once, gzipped (level 9, as a server would send it) and summed. Next 16 no
// longer prints the sizes at build time, and this counts what a browser really downloads for
// the page. 1 kB = 1024 bytes.
import { gzipSync } from 'node:zlib';
import { round, type FirstLoadJs } from './results';

/** Same-site script addresses a page's HTML loads. */
export function scriptsOf(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(match[0])?.[1];
    // noModule scripts (legacy polyfills) are never fetched by a browser that runs modules.
    if (src && !/\bnomodule\b/i.test(match[0])) found.add(src);
  }
  for (const match of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = match[0];
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href && (/\brel="modulepreload"/.test(tag) || (/\brel="preload"/.test(tag) && /\bas="script"/.test(tag)))) found.add(href);
  }
  return [...found].map((src) => src.replace(/&amp;/g, '&')).filter((src) => src.startsWith('/'));
}

export async function measureFirstLoadJs(baseUrl: string, cookie: string, pages: string[]): Promise<FirstLoadJs> {
  const sizes = new Map<string, number>();
  const gzipped = async (src: string) => {
    if (!sizes.has(src)) {
      const response = await fetch(`${baseUrl}${src}`);
      if (!response.ok) throw new Error(`GET ${src} answered ${response.status}`);
      sizes.set(src, gzipSync(Buffer.from(await response.arrayBuffer()), { level: 9 }).length);
    }
    return sizes.get(src)!;
  };
  const result: Record<string, number> = {};
  for (const page of pages) {
    const response = await fetch(`${baseUrl}${page}`, { headers: { cookie, accept: 'text/html' }, redirect: 'manual' });
    // A redirect (to sign-in) would measure another page.
    if (response.status !== 200) throw new Error(`GET ${page} as the focal point answered ${response.status}`);
    const scripts = scriptsOf(await response.text());
    if (scripts.length === 0) throw new Error(`GET ${page}: no scripts found in the HTML`);
    let bytes = 0;
    for (const src of scripts) bytes += await gzipped(src);
    result[page] = round(bytes / 1024);
  }
  return { pages: result, max: Math.max(...Object.values(result)) };
}
