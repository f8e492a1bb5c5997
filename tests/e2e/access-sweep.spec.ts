// Access sweep over every route of the application, on the real server: a focal point of entity A
// (and A's contributor, a viewer, an anonymous visitor) asks for every page and every API route,
// filled with entity B's and A's real codes and ids, and never gets B's resources (404) nor any of
// the strings planted in B's data (tests/support/access-sweep-world.ts: narratives of a draft, a
// submission and a returned report, the review comment, evidence notes and titles, an evidence
// file's name and content, B's proposed evidence, B's contributor's name and address).
//
// The routes are read from the app directory (tests/support/app-routes.ts): a new page or API
// route is swept the day it is added, and one with a dynamic segment this file cannot fill fails
// until it is taught what to put there. Pages are asked for as HTML and as the RSC payload a client
// navigation fetches (header `RSC: 1`); API routes in each format they export (JSON, CSV, XLSX,
// DOCX: ZIP containers are inflated before searching); headers are searched too (a file name).
// Positive controls first: B's own focal point and a reviewer do see the planted strings through
// the same requests, so an empty search proves something. "Not found" is a 404, except that Next
// answers an RSC request for a page that calls notFound() with 200 and the not-found error in the
// payload; a test below shows that answer is the same as for an id that exists nowhere.
//
// About 40 s for 4 x ~470 requests (SWEEP_REPORT=1 prints every status).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { E2E_PORT, E2E_STATE_FILE } from './fixtures';
import { findAppRoutes, patternOf, type AppRoute } from '../support/app-routes';
import { leaksIn } from '../support/planted-texts';
import type { SweepUser } from '../support/access-sweep-world';
import type { PlantedE2EWorld } from '../support/access-sweep-plant';
import { builtServerActions, findServerActions, actionKey } from '../support/server-actions';
import { searchableText } from '../support/zip-text';

// In order, in one worker; a failure does not skip the identities after it (planting is idempotent).
test.describe.configure({ mode: 'default' });

const ROOT = resolve(import.meta.dirname, '../..');
const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
const WORLD_FILE = join(tmpdir(), `tracker-e2e-access-sweep-${E2E_PORT}.json`);

let world: PlantedE2EWorld;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const { databaseUrl } = JSON.parse(readFileSync(E2E_STATE_FILE, 'utf8')) as { databaseUrl: string };
  const planted = spawnSync(process.execPath, ['--import', 'tsx', 'tests/support/access-sweep-plant.ts', databaseUrl, WORLD_FILE], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  if (planted.status !== 0) throw new Error(`Planting the sweep's world failed:\n${planted.stderr}\n${planted.stdout}`);
  world = JSON.parse(readFileSync(WORLD_FILE, 'utf8')) as PlantedE2EWorld;
});

// ---------------------------------------------------------------------------------------------
// Who asks.

async function signedIn(user: SweepUser | null): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: BASE_URL });
  if (!user) return context;
  const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await context.post('/api/auth/callback/credentials', { form: { csrfToken, email: user.email, password: user.password, json: 'true' } });
  expect(response.ok(), `sign-in of ${user.email}`).toBe(true);
  const session = (await (await context.get('/api/auth/session')).json()) as { user?: { email?: string } };
  expect(session.user?.email, `session of ${user.email}`).toBe(user.email);
  return context;
}

// ---------------------------------------------------------------------------------------------
// What is asked: every route, its dynamic segments filled with A's and B's real values.

type Owner = 'A' | 'B' | null;
type Value = { value: string; owner: Owner; commitmentsOf?: 'A' | 'B' };

/**
 * A URL to ask for and what it is. `privateOf`: the entity whose private resource it names (by a
 * path segment of a private route, or by `?entity=` of a route private by query), else null.
 */
type Target = { route: AppRoute; pattern: string; path: string; privateOf: Owner; kind: 'html' | 'rsc' | 'api'; method: string };

/** Routes that show one entity's private resource: B's must be "not found" to A, A's found. */
const PRIVATE_ROUTES = new Set(['/[locale]/reports/[cycle]/[entity]/[commitment]', '/[locale]/entities/[code]', '/[locale]/users/[id]', '/api/evidence/files/[id]']);
/** Pages and API routes whose `?entity=` names one entity's private resource. */
const PRIVATE_BY_QUERY = new Set(['/[locale]/worklist', '/[locale]/team', '/api/worklist/xlsx']);

class UnknownSegment extends Error {}

function segmentValues(segment: string, previous: string | undefined, entityOwner: Owner): Value[] {
  const { A, B } = world.entities;
  const entityValues: Value[] = [{ value: A.code, owner: 'A', commitmentsOf: 'A' }, { value: B.code, owner: 'B', commitmentsOf: 'B' }];
  switch (segment) {
    case '[locale]': return [{ value: 'en', owner: null }];
    case '[...rest]': return [{ value: 'no-such-page/at-all', owner: null }];
    case '[...nextauth]': return ['session', 'csrf', 'providers'].map((value) => ({ value, owner: null }));
    case '[cycle]': return [{ value: world.cycle.code, owner: null }];
    case '[entity]': return entityValues;
    case '[commitment]':
      // B's three reports (a draft, a submission, a returned report); A's draft and a commitment A has not reported on.
      return entityOwner === 'B'
        ? [world.b.draft, world.b.submitted, world.b.returned].map((report) => ({ value: report.commitmentId, owner: 'B' as const }))
        : [world.a.draft.commitmentId, world.b.submitted.commitmentId].map((value) => ({ value, owner: entityOwner }));
    case '[code]':
      if (previous === 'entities') return entityValues;
      if (previous === 'areas') return [{ value: 'TA1', owner: null }, { value: 'TA7', owner: null }];
      break;
    case '[id]':
      if (previous === 'commitments') return [world.b.draft, world.b.submitted, world.b.returned].map((report) => ({ value: report.commitmentId, owner: null }));
      // An account's page (administrators only): B's contributor's and B's focal point's.
      if (previous === 'users') return [{ value: world.users.contributorB.id, owner: 'B' }, { value: world.users.focalB.id, owner: 'B' }];
      if (previous === 'files') {
        return [
          { value: world.b.reportFileId, owner: 'B' }, { value: world.b.proposalFileId, owner: 'B' }, { value: world.a.reportFileId, owner: 'A' },
        ];
      }
      break;
    case '[slug]':
      if (previous === 'documents') return [{ value: world.document.slug, owner: null }];
      if (previous === 'instruments') return [{ value: world.instrumentSlug, owner: null }];
      break;
    case '[language]': return [{ value: world.document.language, owner: null }];
    case '[number]': return [{ value: String(world.document.number), owner: null }];
    // Not B's contributor's token (nobody but the invitee has it): one that exists nowhere.
    case '[token]': return [{ value: randomBytes(32).toString('base64url'), owner: null }];
    case '[area]':
    case '[areaCode]': return [{ value: 'TA1', owner: null }];
  }
  throw new UnknownSegment(`${segment} (after "${previous ?? ''}")`);
}

/** Query strings for a route: B's entity and states for those that read them, the export formats of API routes. */
function queriesFor(route: AppRoute): { query: string; owner: Owner }[] {
  const { A, B } = world.entities;
  const cycle = world.cycle.code;
  const pattern = patternOf(route);
  const api: Record<string, string[]> = {
    '/api/exports/status-reports': [
      '?format=csv', '?format=xlsx', `?format=csv&entity=${B.code}`, `?format=xlsx&entity=${B.code}&state=SUBMITTED`,
      `?format=csv&entity=${B.code}&state=RETURNED`, `?format=csv&entity=${B.code}&state=DRAFT`, `?format=xlsx&cycle=${cycle}`,
    ],
    '/api/catalogue/export': ['?format=json', '?format=csv'],
    '/api/v1/status-reports': ['', `?entity=${B.code}`, `?entity=${B.code}&state=SUBMITTED`, `?entity=${B.code}&state=RETURNED`, `?cycle=${cycle}&entity=${B.code}`],
    '/api/v1/summaries/[areaCode]': [`?cycle=${cycle}`],
    '/api/summaries/[area]/draft': [`?cycle=${cycle}`],
    '/api/worklist/xlsx': ['', `?entity=${B.code}`, `?entity=${A.code}`],
    '/api/evidence/files/[id]': [''],
  };
  const ownerOf = (query: string): Owner => (query.includes(`entity=${B.code}`) ? 'B' : query.includes(`entity=${A.code}`) ? 'A' : null);
  if (route.kind === 'api') return (api[pattern] ?? ['', `?entity=${B.code}&cycle=${cycle}`]).map((query) => ({ query, owner: ownerOf(query) }));
  if (!route.readsSearchParams) return [{ query: '', owner: null }];
  return [
    '', `?entity=${A.code}`, `?entity=${B.code}`, `?entity=${B.code}&cycle=${cycle}`,
    `?entity=${B.code}&state=SUBMITTED&commitment=${world.b.submitted.commitmentId}`, `?entity=${B.code}&state=RETURNED`, `?entity=${B.code}&state=DRAFT&assignee=${world.users.contributorB.id}`,
    // Words of B's narratives, comment and contributor's name (never the marker, which a page may echo).
    `?q=${encodeURIComponent('narrative of entity B')}`, `?entity=${B.code}&q=${encodeURIComponent('reviewer asks entity B')}`, `?q=${encodeURIComponent('Person of entity B')}`,
  ].map((query) => ({ query, owner: ownerOf(query) }));
}

function targets(routes: AppRoute[]): { targets: Target[]; unknown: string[] } {
  const out: Target[] = [];
  const unknown: string[] = [];
  for (const route of routes) {
    const pattern = patternOf(route);
    // Every combination of the segments' values; an entity chosen earlier decides the commitments.
    let partials: { parts: string[]; owner: Owner; entityOwner: Owner }[] = [{ parts: [], owner: null, entityOwner: null }];
    try {
      route.segments.forEach((segment, index) => {
        const dynamic = segment.startsWith('[');
        partials = partials.flatMap((partial) => {
          if (!dynamic) return [{ ...partial, parts: [...partial.parts, segment] }];
          return segmentValues(segment, route.segments[index - 1], partial.entityOwner).map((value) => ({
            parts: [...partial.parts, ...value.value.split('/').map(encodeURIComponent)],
            owner: partial.owner === 'B' || value.owner === 'B' ? 'B' : partial.owner ?? value.owner,
            entityOwner: value.commitmentsOf ?? partial.entityOwner,
          }));
        });
      });
    } catch (error) {
      if (error instanceof UnknownSegment) {
        unknown.push(`${route.file}: ${error.message}`);
        continue;
      }
      throw error;
    }
    for (const partial of partials) {
      for (const { query, owner } of queriesFor(route)) {
        const path = `/${partial.parts.join('/')}${query}`;
        const privateOf: Owner = PRIVATE_ROUTES.has(pattern) ? partial.owner : PRIVATE_BY_QUERY.has(pattern) ? owner : null;
        const base = { route, pattern, path, privateOf };
        if (route.kind === 'page') {
          out.push({ ...base, kind: 'html', method: 'GET' }, { ...base, kind: 'rsc', method: 'GET' });
        } else {
          for (const method of route.methods) {
            // next-auth's own POSTs sign in and out: the sign-in is tested elsewhere, sign-out would end the sweep.
            if (method !== 'GET' && pattern.startsWith('/api/auth/')) continue;
            if (method === 'GET' || query === '') out.push({ ...base, kind: 'api', method });
          }
        }
      }
    }
  }
  return { targets: out, unknown };
}

// ---------------------------------------------------------------------------------------------
// Asking, and looking at the answer.

/** `text` is what is searched: the headers (a file's name) and the body, ZIPs inflated. */
type Answer = { status: number; location: string | undefined; body: string; text: string };

async function ask(context: APIRequestContext, target: Pick<Target, 'path' | 'kind' | 'method'>): Promise<Answer> {
  const headers: Record<string, string> = target.kind === 'rsc' ? { RSC: '1' } : target.kind === 'html' ? { accept: 'text/html' } : {};
  const write = target.method !== 'GET' && target.method !== 'HEAD';
  const response = await context.fetch(target.path, {
    method: target.method, headers: write ? { ...headers, 'content-type': 'application/json' } : headers,
    data: write ? JSON.stringify({ stagedId: world.b.draft.id, areas: {}, entityId: world.entities.B.id }) : undefined,
    maxRedirects: 0, failOnStatusCode: false, timeout: 30_000,
  });
  const location = response.headers().location;
  // An RSC request carries a cache-busting `_rsc` parameter that Next checks against the request's
  // router headers: without the right one it redirects to the same address with it. Follow that.
  if (target.kind === 'rsc' && location && !target.path.includes('_rsc') && withoutRsc(location) === withoutRsc(new URL(target.path, BASE_URL).href)) {
    return ask(context, { ...target, path: new URL(location, BASE_URL).pathname + new URL(location, BASE_URL).search });
  }
  const body = searchableText(await response.body());
  return { status: response.status(), location, body, text: `${JSON.stringify(response.headers())}\n${body}` };
}

function withoutRsc(address: string): string {
  const url = new URL(address, BASE_URL);
  url.searchParams.delete('_rsc');
  return url.href;
}

async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  }));
  return results;
}

const SIGN_IN_REDIRECT = /\/sign-in(\?|$)/;

/**
 * Next answers a client navigation's RSC request for a page that calls notFound() with 200 and the
 * not-found error in the payload (the status is sent before the page has rendered): for an RSC
 * target, that digest counts as "not found". The payload is then the same as for an id that
 * exists nowhere (checked below), so it confirms nothing.
 */
const NOT_FOUND_DIGEST = 'NEXT_HTTP_ERROR_FALLBACK;404';

function notFound(answer: Answer, target: Pick<Target, 'kind'>): boolean {
  return answer.status === 404 || (target.kind === 'rsc' && answer.status === 200 && answer.text.includes(NOT_FOUND_DIGEST));
}

/** An anonymous visitor sent to sign in (a redirect, 401, or the redirect inside an RSC payload). */
function toSignIn(answer: Answer, target: Pick<Target, 'kind'>): boolean {
  if (answer.status === 401) return true;
  if ([303, 307].includes(answer.status)) return SIGN_IN_REDIRECT.test(answer.location ?? '');
  return target.kind === 'rsc' && answer.status === 200 && /NEXT_REDIRECT;[a-z]+;[^;"]*\/sign-in/.test(answer.text);
}

// ---------------------------------------------------------------------------------------------

test('the route inventory is read from the app directory, and every dynamic segment can be filled', () => {
  const routes = findAppRoutes();
  expect(routes.filter((route) => route.kind === 'page').length).toBeGreaterThanOrEqual(30);
  expect(routes.filter((route) => route.kind === 'api').length).toBeGreaterThanOrEqual(10);
  const { targets: all, unknown } = targets(routes);
  expect(unknown, 'teach segmentValues what to put in these segments').toEqual([]);
  // Every route is asked for at least once, and B's private resources are among the targets.
  expect(new Set(all.map((target) => target.route.file)).size).toBe(routes.length);
  expect(all.filter((target) => target.privateOf === 'B').length).toBeGreaterThanOrEqual(20);
});

test("the production build's server actions are all in the sources the action sweep reads", () => {
  const built = builtServerActions();
  expect(built, 'the end-to-end server has built .next').not.toBeNull();
  const known = new Set(findServerActions().actions.map(actionKey));
  expect(built!.map(actionKey).filter((key) => !known.has(key))).toEqual([]);
});

test("controls: B's focal point and a reviewer see the planted strings through the same requests", async () => {
  test.setTimeout(60_000);
  const focalB = await signedIn(world.users.focalB);
  const reviewer = await signedIn(world.users.reviewer);
  const reportPath = (report: { commitmentId: string }) => `/en/reports/${world.cycle.code}/${world.entities.B.code}/${report.commitmentId}`;
  const sees = async (context: APIRequestContext, target: Pick<Target, 'path' | 'kind' | 'method'>, keys: string[]) => {
    const answer = await ask(context, target);
    expect(answer.status, `${target.path} -> ${answer.location ?? ""}`).toBe(200);
    expect(leaksIn(answer.text, world.texts), `${target.kind} ${target.path}`).toEqual(expect.arrayContaining(keys));
  };
  try {
    for (const kind of ['html', 'rsc'] as const) {
      await sees(focalB, { path: reportPath(world.b.draft), kind, method: 'GET' }, ['draftNarrative', 'evidenceNote', 'evidenceTitle', 'fileName']);
      await sees(reviewer, { path: reportPath(world.b.returned), kind, method: 'GET' }, ['returnedNarrative', 'reviewComment']);
      await sees(focalB, { path: `/en/team`, kind, method: 'GET' }, ['contributorName']);
    }
    await sees(focalB, { path: `/api/evidence/files/${world.b.reportFileId}`, kind: 'api', method: 'GET' }, ['fileName', 'fileContent']);
    await sees(focalB, { path: `/api/evidence/files/${world.b.proposalFileId}`, kind: 'api', method: 'GET' }, ['proposalFileName', 'proposalFileContent']);
    // A workbook is a ZIP: found only once it is inflated.
    await sees(focalB, { path: '/api/worklist/xlsx', kind: 'api', method: 'GET' }, ['draftNarrative', 'submittedNarrative', 'returnedNarrative']);
    await sees(reviewer, { path: `/en/commitments/${world.b.draft.commitmentId}`, kind: 'html', method: 'GET' }, ['proposalTitle']);
  } finally {
    await focalB.dispose();
    await reviewer.dispose();
  }
});

test("to A, B's report, entity page and file answer exactly as ones that exist nowhere (HTML and RSC)", async () => {
  test.setTimeout(60_000);
  const focalA = await signedIn(world.users.focalA);
  const { A, B } = world.entities;
  // What differs between two answers whatever they are about: nonces, request ids, ids, dates, the address itself.
  const normalized = (answer: Answer, ...names: string[]) => {
    let text = answer.body;
    for (const name of names) text = text.split(name).join('NAME');
    text = text
      .replace(/(nonce[\\"=:' -]+)[A-Za-z0-9+/=_-]{16,}/gi, '$1N')
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'REQUEST')
      .replace(/"date":"[^"]*"/g, '')
      .replace(/\bcm[a-z0-9]{20,}\b/g, 'ID')
      // React's per-render keys of the metadata boundaries.
      .replace(/"[A-Za-z0-9_-]{20,24}"/g, '"K"');
    // A page as a person sees it (its inlined RSC rows are compared as the RSC payload); the rows
    // of an RSC payload may be streamed in another order.
    if (answer.body.includes('<html')) {
      return { status: answer.status, text: text.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ') };
    }
    return { status: answer.status, text: text.split('\n').map((line) => line.replace(/^[0-9a-f]+:/, '')).sort().join('\n') };
  };
  /** The first place two answers differ, for the failure message. */
  const firstDifference = (a: string, b: string) => {
    let index = 0;
    while (index < a.length && a[index] === b[index]) index += 1;
    return index >= a.length && a.length === b.length ? null : `…${a.slice(Math.max(0, index - 120), index + 120)}…\n  against\n…${b.slice(Math.max(0, index - 120), index + 120)}…`;
  };
  const pairs: [string, string, string, string][] = [
    [`/en/reports/${world.cycle.code}/${B.code}/${world.b.draft.commitmentId}`, world.b.draft.commitmentId, `/en/reports/${world.cycle.code}/${B.code}/nowhere-at-all-commitment`, 'nowhere-at-all-commitment'],
    [`/en/reports/${world.cycle.code}/${B.code}/${world.b.returned.commitmentId}`, B.code, `/en/reports/${world.cycle.code}/ZZZ/${world.b.returned.commitmentId}`, 'ZZZ'],
    [`/en/entities/${B.code}`, B.code, '/en/entities/ZZZ', 'ZZZ'],
    [`/en/worklist?entity=${B.code}`, B.code, '/en/worklist?entity=ZZZ', 'ZZZ'],
  ];
  try {
    for (const kind of ['html', 'rsc'] as const) {
      for (const [path, name, nowhere, otherName] of pairs) {
        const [real, absent] = [await ask(focalA, { path, kind, method: 'GET' }), await ask(focalA, { path: nowhere, kind, method: 'GET' })];
        expect(notFound(real, { kind }), `${kind} ${path}`).toBe(true);
        const [one, other] = [normalized(real, name, A.code), normalized(absent, otherName, A.code)];
        expect(one.status, `${kind} ${path} against ${nowhere}`).toBe(other.status);
        expect(firstDifference(one.text, other.text), `${kind} ${path} against ${nowhere}`).toBeNull();
      }
      const file = await ask(focalA, { path: `/api/evidence/files/${world.b.reportFileId}`, kind: 'api', method: 'GET' });
      const noFile = await ask(focalA, { path: '/api/evidence/files/nowhere-at-all-file', kind: 'api', method: 'GET' });
      expect([file.status, noFile.status]).toEqual([404, 404]);
    }
  } finally {
    await focalA.dispose();
  }
});

const IDENTITIES = ['focalA', 'contributorA', 'viewer', 'anonymous'] as const;

for (const identity of IDENTITIES) {
  test(`as ${identity}: no route shows anything of B, and B's private resources are not found`, async () => {
    test.setTimeout(120_000);
    const context = await signedIn(identity === 'anonymous' ? null : world.users[identity]);
    const { targets: all } = targets(findAppRoutes());
    const problems: string[] = [];
    const statuses = new Map<string, number>();
    try {
      await inParallel(all, 6, async (target) => {
        const answer = await ask(context, target);
        const label = `${target.method} ${target.kind} ${target.path}`;
        statuses.set(label, answer.status);
        const leaked = leaksIn(answer.text, world.texts);
        if (leaked.length > 0) problems.push(`${label} (${answer.status}) shows ${leaked.join(', ')}`);
        if (answer.status >= 500) problems.push(`${label} answered ${answer.status}`);

        if (target.privateOf === 'B' && !notFound(answer, target) && !(identity === 'anonymous' && toSignIn(answer, target))) {
          problems.push(`${label}: B's resource answered ${answer.status}${answer.location ? ` -> ${answer.location}` : ''}, not "not found"`);
        }
        if (target.privateOf === 'A' && identity === 'focalA' && (answer.status !== 200 || notFound(answer, target))) {
          problems.push(`${label}: A's own resource answered ${answer.status}, not 200`);
        }
        // Nobody here may write through an API route.
        if (target.method !== 'GET' && (answer.status < 400 || answer.status >= 500)) problems.push(`${label}: a write answered ${answer.status}`);
      });
      // The sweep ran signed in: A's own report page shows A's own draft.
      if (identity === 'focalA') {
        const own = await ask(context, { path: `/en/reports/${world.cycle.code}/${world.entities.A.code}/${world.a.draft.commitmentId}`, kind: 'html', method: 'GET' });
        expect(own.text).toContain('Own draft of entity A');
      }
    } finally {
      await context.dispose();
    }
    test.info().annotations.push({ type: 'swept', description: `${all.length} requests` });
    if (process.env.SWEEP_REPORT) console.log([...statuses].sort().map(([label, status]) => `${identity} ${status} ${label}`).join('\n'));
    expect(problems.sort()).toEqual([]);
  });
}
