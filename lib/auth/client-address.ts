// The address a request came from, for rate limiting. The last X-Forwarded-For entry is the
// one added by the nearest proxy (Next itself when none), which a client cannot forge.
export function clientAddress(headers: Record<string, unknown> | Headers): string {
  const read = (name: string) =>
    headers instanceof Headers ? headers.get(name) : (headers[name] as string | string[] | undefined);
  const raw = read('x-forwarded-for');
  const value = Array.isArray(raw) ? raw.join(',') : raw;
  const last = value?.split(',').map((part) => part.trim()).filter(Boolean).pop();
  return last || read('x-real-ip')?.toString() || 'unknown';
}
