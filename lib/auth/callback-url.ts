// Where to go after signing in: only a path inside this application, never another site.
export function safeCallbackPath(value: unknown, locale: string): string {
  const fallback = `/${locale}/dashboard`;
  if (typeof value !== 'string') return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  return value;
}
