// Where to go after signing in: only a page of this application, never another site, and never
// the sign-in page itself (which would loop).
const BASE = 'http://app.invalid';

/**
 * A path of this application, or null. The URL parser resolves dot segments ("/.//host",
 * "/a/..//host", "/%2e//host" all become "//host", which a browser reads as another site), so
 * the string that comes out is what is checked, not only the one that went in.
 */
function sameOriginPath(value: string): string | null {
  // Browsers drop tabs and newlines from URLs, so "/\t/evil.example" would become "//evil.example".
  if (!value.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (url.origin !== BASE || !isLocalPath(path)) return null;
  return path;
}

/** A path that every browser resolves on the current origin: one slash, then not a slash or backslash. */
function isLocalPath(path: string): boolean {
  return /^\/(?![/\\])/.test(path) && !/[\u0000-\u001f\u007f\\]/.test(path) && new URL(path, BASE).origin === BASE;
}

export function safeCallbackPath(value: unknown, locale: string): string {
  const fallback = `/${locale}/dashboard`;
  const path = typeof value === 'string' ? sameOriginPath(value) : null;
  if (!path || /^\/[a-z]{2}\/sign-(in|out)(\/|$|\?|#)/.test(path)) return fallback;
  return path;
}

/**
 * next-auth's redirect callback: an address of this application (relative, or absolute on
 * `baseUrl`'s origin), else the application's home.
 */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  let candidate: string | null = null;
  if (url.startsWith('/')) {
    candidate = sameOriginPath(url);
  } else {
    try {
      const absolute = new URL(url);
      if (absolute.origin === base.origin) candidate = sameOriginPath(`${absolute.pathname}${absolute.search}${absolute.hash}`);
    } catch {
      candidate = null;
    }
  }
  return `${base.origin}${candidate ?? '/'}`;
}
