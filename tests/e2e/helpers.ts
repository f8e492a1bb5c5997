import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import pg from 'pg';
import { E2E_STATE_FILE, type E2EUser } from './fixtures';

/** Signs in through next-auth's credentials endpoint; the session cookie lands in the page's context. */
export async function signInThroughApi(page: Page, user: E2EUser) {
  const csrf = await page.request.get('/api/auth/csrf');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await page.request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: user.email, password: user.password, json: 'true' },
  });
  expect(response.ok()).toBe(true);
  const session = await (await page.request.get('/api/auth/session')).json();
  expect(session.user?.email).toBe(user.email);
}

/** Runs SQL on the end-to-end database (to change state behind the application's back). */
export async function e2eQuery(sql: string, values: unknown[] = []) {
  const { databaseUrl } = JSON.parse(readFileSync(E2E_STATE_FILE, 'utf8')) as { databaseUrl: string };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await client.query(sql, values);
  } finally {
    await client.end();
  }
}

/**
 * Types a date ("2031-01-01") into the date field labelled `label` (components/ui/date-field.tsx:
 * day, month by name, year, in the page's language's order).
 */
export async function fillDate(page: Page, label: string, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  const field = page.getByRole('group', { name: label, exact: true });
  await field.getByLabel(/^(Day|日)$/).fill(String(Number(day)));
  await field.getByLabel(/^(Month|月)$/).selectOption(String(Number(month)));
  await field.getByLabel(/^(Year|年)$/).fill(year!);
}
