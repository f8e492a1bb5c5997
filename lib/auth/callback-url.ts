// Where to go after signing in: only a page of this application, never another site, and never
// the sign-in page itself (which would loop).
const BASE = 'http://app.invalid';

export function safeCallbackPath(value: unknown, locale: string): string {
  const fallback = `/${locale}/dashboard`;
  // Browsers drop tabs and newlines from URLs, so "/\t/evil.example" would become "//evil.example".
  if (typeof value !== 'string' || !value.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || /^\/[a-z]{2}\/sign-(in|out)(\/|$)/.test(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
