// The address a request came from, for rate limiting. scripts/serve.mjs writes it into
// X-Client-Address from the socket (or from the trusted proxies' X-Forwarded-For), replacing any
// value a client sent. Without that server in front, every request counts as one "unknown" address.
export function clientAddress(headers: Record<string, unknown> | Headers): string {
  const value = headers instanceof Headers ? headers.get('x-client-address') : headers['x-client-address'];
  return (typeof value === 'string' && value.trim()) || 'unknown';
}
