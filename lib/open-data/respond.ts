// How every endpoint of the open-data API (app/api/v1/**) answers: rate-limited per client,
// parameters checked strictly (a misspelt filter must not quietly return everything), errors as
// `{ message }` in words with a 4xx status, JSON in UTF-8, and caching that never lets a shared
// cache keep what a signed-in caller was shown.
//
//   export async function GET(request: NextRequest) {
//     return openDataGet(request, async ({ user, query }) => {
//       const cycle = query.text('cycle');
//       if (!found) throw notFound(`No reporting cycle has the code "${cycle}".`);
//       return { ... };
//     }, { parameters: ['cycle'] });
//   }
import 'server-only';
import { createHash } from 'node:crypto';
import { db } from '@/lib/db';
import { getOptionalUser, type SessionUser } from '@/lib/auth/session';
import { clientAddress } from '@/lib/auth/client-address';
import { hitRateLimit, type Limit } from '@/lib/auth/rate-limit';
import { log } from '@/lib/log';
import { env } from '@/lib/env';

/** Requests a client may make a minute, counted per user when signed in, else per address (OPEN_DATA_REQUESTS_PER_MINUTE). */
export const openDataLimit = (): Limit => ({ max: env().OPEN_DATA_REQUESTS_PER_MINUTE, windowSeconds: 60 });

/**
 * A limit in force instead, read on every request: tests may lower it for a while instead of
 * sending 600 requests. Null: the configured one.
 */
export const openDataSettings: { limit: Limit | null } = { limit: null };

/** How long anyone may keep an anonymous answer: published data changes only when published again. */
export const PUBLIC_MAX_AGE_SECONDS = 300;

/** An answer to a request the caller can fix: its message says what was wrong, in words. */
export class OpenDataError extends Error {
  readonly status: 400 | 403 | 404;

  constructor(status: 400 | 403 | 404, message: string) {
    super(message);
    this.name = 'OpenDataError';
    this.status = status;
  }
}

/** A malformed or out-of-range parameter. */
export const badRequest = (message: string) => new OpenDataError(400, message);
/** A code (area, cycle, entity) that names nothing this caller may see. */
export const notFound = (message: string) => new OpenDataError(404, message);
/** A request this caller may not make (the reason is no secret: the rules are public). */
export const forbidden = (message: string) => new OpenDataError(403, message);

/** The query string, one value a parameter: an empty value counts as absent (`?cycle=&area=TA1`). */
export class OpenDataQuery {
  constructor(private readonly params: URLSearchParams) {}

  /** The parameter's value, trimmed, or undefined when absent or empty. */
  text(name: string, maxLength = 100): string | undefined {
    const values = this.params.getAll(name);
    if (values.length > 1) throw badRequest(`The parameter "${name}" was given ${values.length} times: give it once.`);
    const value = values[0]?.trim();
    if (!value) return undefined;
    if (value.length > maxLength) throw badRequest(`The parameter "${name}" is too long (at most ${maxLength} characters).`);
    return value;
  }

  /** A whole number in [min, max], or `fallback` when absent. */
  integer(name: string, { min, max, fallback }: { min: number; max: number; fallback: number }): number {
    const value = this.text(name, 20);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      throw badRequest(`The parameter "${name}" must be a whole number from ${min} to ${max}; it was "${value}".`);
    }
    return Number(value);
  }

  /** One of `choices` (exactly as written), or undefined when absent. */
  choice<const C extends string>(name: string, choices: readonly C[]): C | undefined {
    const value = this.text(name, 40);
    if (value === undefined) return undefined;
    if (!(choices as readonly string[]).includes(value)) {
      throw badRequest(`The parameter "${name}" must be one of ${choices.join(', ')}; it was "${value}".`);
    }
    return value as C;
  }

  names(): string[] {
    return [...new Set(this.params.keys())];
  }
}

export type OpenDataContext = {
  /** The signed-in caller (re-read from the database), or null. */
  user: SessionUser | null;
  query: OpenDataQuery;
  url: URL;
};

export type OpenDataOptions = {
  /** The query parameters the endpoint takes; any other is a 400 naming the ones it takes. */
  parameters?: readonly string[];
  /**
   * The answer does not depend on who asks (the thematic areas, the OpenAPI document), so it is
   * publicly cacheable even for a signed-in caller.
   */
  sameForEveryone?: boolean;
  /** Overrides `openDataSettings.limit` for this endpoint. */
  limit?: Limit;
};

const JSON_TYPE = 'application/json; charset=utf-8';

function headersFor(extra: Record<string, string>): Headers {
  return new Headers({
    'content-type': JSON_TYPE,
    'x-content-type-options': 'nosniff',
    // Open data is for any site's scripts. Browsers send no cookies to a wildcard origin, so a
    // cross-site script only ever gets what an anonymous caller gets.
    'access-control-allow-origin': '*',
    ...extra,
  });
}

/** A JSON error answer: `{ message }`, never cached. */
export function openDataErrorResponse(status: number, message: string, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ message }), { status, headers: headersFor({ 'cache-control': 'no-store', ...extra }) });
}

/** A strong validator: the SHA-256 of the exact bytes sent. */
export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body, 'utf8').digest('base64url')}"`;
}

/** Whether If-None-Match names this ETag (weak comparison, as RFC 9110 asks for this header). */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

function rateLimitKey(request: Request, user: SessionUser | null): string {
  return user ? `open-data:user:${user.id}` : `open-data:address:${clientAddress(request.headers)}`;
}

/**
 * Answers a GET of the open-data API with what `handler` returns, serialised as JSON.
 * The handler throws `badRequest`, `notFound` or `forbidden` for what the caller can fix;
 * anything else it throws is logged and answered with a 500 that says nothing of the cause.
 */
export async function openDataGet(
  request: Request,
  handler: (context: OpenDataContext) => Promise<unknown>,
  options: OpenDataOptions = {},
): Promise<Response> {
  try {
    const user = await getOptionalUser();
    const limit = options.limit ?? openDataSettings.limit ?? openDataLimit();
    const hit = await hitRateLimit(db, rateLimitKey(request, user), limit);
    if (hit.blocked) {
      const seconds = hit.retryAfterSeconds;
      return openDataErrorResponse(429, `Too many requests: try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`, {
        'retry-after': String(seconds),
      });
    }

    const url = new URL(request.url);
    const query = new OpenDataQuery(url.searchParams);
    if (options.parameters) {
      const unknown = query.names().filter((name) => !options.parameters!.includes(name));
      if (unknown.length > 0) {
        const takes = options.parameters.length > 0 ? `it takes ${options.parameters.join(', ')}` : 'it takes none';
        throw badRequest(`Unknown parameter${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `"${name}"`).join(', ')}: ${takes}.`);
      }
    }

    const body = JSON.stringify(await handler({ user, query, url }));
    if (user && !options.sameForEveryone) {
      // What a signed-in caller sees may include unpublished data: no cache keeps it.
      return new Response(body, { status: 200, headers: headersFor({ 'cache-control': 'private, no-store', vary: 'Cookie' }) });
    }
    const etag = etagOf(body);
    const caching: Record<string, string> = { 'cache-control': `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`, etag };
    // A shared cache must not hand the anonymous answer's key to a signed-in caller's request.
    if (!options.sameForEveryone) caching.vary = 'Cookie';
    if (matchesIfNoneMatch(request.headers.get('if-none-match'), etag)) {
      const notModified = headersFor(caching);
      notModified.delete('content-type');
      return new Response(null, { status: 304, headers: notModified });
    }
    return new Response(body, { status: 200, headers: headersFor(caching) });
  } catch (error) {
    if (error instanceof OpenDataError) return openDataErrorResponse(error.status, error.message);
    log.error({ err: error }, 'open-data API failed');
    return openDataErrorResponse(500, 'Something went wrong on our side. Try again later; if it keeps happening, tell the secretariat.');
  }
}
