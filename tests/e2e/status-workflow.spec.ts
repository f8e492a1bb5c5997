import { expect, test, type Browser, type Page } from '@playwright/test';
import { USERS, type E2EUser } from './fixtures';
import { fillDate, signInThroughApi } from './helpers';

// The whole review cycle of one report, as the people involved see it: the Mexico focal point
// drafts and submits, the secretariat returns it with a comment, the focal point revises and
// resubmits, the secretariat accepts, and the timeline shows it all in order.
test.describe.configure({ mode: 'serial' });

async function pageFor(browser: Browser, user: E2EUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInThroughApi(page, user);
  return page;
}

let reportUrl = '';

test('the Mexico focal point drafts a report, then submits it', async ({ browser }) => {
  const page = await pageFor(browser, USERS.focalMex);
  await page.goto('/en/dashboard');
  await page.getByTestId('dashboard-worklist').getByRole('link', { name: 'Open the worklist' }).click();
  await expect(page.getByTestId('worklist-entity')).toHaveText('Mexico');
  // Other tests import instruments into the same database meanwhile: the total is theirs too.
  await expect(page.getByTestId('worklist-progress')).toHaveText(/^0 of \d+ reported$/);
  const row = page.getByTestId('worklist-row').filter({ hasText: '[E2E] Synthetic commitment a' });
  await expect(row.getByTestId('state-badge').last()).toHaveText('Not reported');
  await row.getByRole('link', { name: '1(a)' }).click();

  await expect(page).toHaveURL(/\/en\/reports\/\d{4}\/MEX\//);
  reportUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId('report-heading')).toHaveText(/^1\(a\)/);
  await expect(page.getByTestId('report-commitment-text')).toHaveText('[E2E] Synthetic commitment a for end-to-end tests.');

  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'In progress' });
  await fillDate(page, 'As of', '2026-06-30');
  await page.getByLabel('Narrative', { exact: true }).fill('[E2E] A first draft of the narrative.');
  await expect(page.getByTestId('narrative-count')).toHaveText('37 of 10,000 characters');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible();
  await expect(page.getByTestId('state-badge').first()).toHaveText('Draft');

  await page.getByLabel('Narrative', { exact: true }).fill('[E2E] The plan was adopted and its first stage has started.');
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByTestId('state-badge').first()).toHaveText('Submitted');
  await expect(page.getByTestId('report-narrative')).toHaveText('[E2E] The plan was adopted and its first stage has started.');
  await expect(page.getByRole('button', { name: 'Withdraw the submission' })).toBeVisible();
});

test('the secretariat returns it with a comment', async ({ browser }) => {
  const page = await pageFor(browser, USERS.secretariat);
  await page.goto('/en/reviews?entity=MEX');
  const row = page.getByTestId('review-row').filter({ hasText: 'Mexico' }).filter({ hasText: '1(a)' });
  await expect(row).toHaveCount(1);
  await row.getByRole('link', { name: 'Mexico' }).click();
  await expect(page).toHaveURL(new RegExp(reportUrl.replace(/[()]/g, '\\$&')));

  // Returning without a comment is refused in words; nothing changes.
  await page.getByRole('button', { name: 'Return for revision' }).click();
  await expect(page.getByText('Say what should be revised.', { exact: true })).toBeVisible();
  await page.getByLabel('Comment', { exact: true }).fill('[E2E] Please say which stage has started and when.');
  await page.getByRole('button', { name: 'Return for revision' }).click();
  await expect(page.getByTestId('state-badge').first()).toHaveText('Returned');
});

test('the focal point sees an unread notification in the header and follows it to the report', async ({ browser }) => {
  const page = await pageFor(browser, USERS.focalMex);
  await page.goto('/en/dashboard');
  // Other tests may tell Mexico's focal point of other things meanwhile: at least this one is unread.
  await expect(page.getByTestId('unread-count')).toHaveText(/^[1-9]\d*$/);
  await page.getByTestId('notifications-link').click();
  await expect(page).toHaveURL(/\/en\/notifications$/);
  const item = page.getByTestId('notification').filter({ hasText: 'was returned for revision: [E2E] Please say which stage has started and when.' });
  await expect(item).toHaveAttribute('data-read', 'false');
  await item.getByTestId('notification-open').click();
  await expect(page).toHaveURL(new RegExp(`${reportUrl.replace(/[()]/g, '\\$&')}$`));
  await expect(page.getByTestId('returned-comment')).toContainText('[E2E] Please say which stage has started and when.');
  await page.goto('/en/notifications');
  await expect(page.getByTestId('notification').filter({ hasText: 'was returned for revision' })).toHaveAttribute('data-read', 'true');
});

test('the focal point reads the comment, revises and resubmits', async ({ browser }) => {
  const page = await pageFor(browser, USERS.focalMex);
  await page.goto('/en/worklist?state=RETURNED');
  const row = page.getByTestId('worklist-row').filter({ hasText: '[E2E] Synthetic commitment a' });
  await expect(row.getByTestId('worklist-comment')).toContainText('[E2E] Please say which stage has started and when.');
  await row.getByRole('link', { name: '1(a)' }).click();
  await expect(page.getByTestId('returned-comment')).toContainText('[E2E] Please say which stage has started and when.');
  // The form opens with what was submitted.
  await expect(page.getByLabel('Narrative', { exact: true })).toHaveValue('[E2E] The plan was adopted and its first stage has started.');
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Substantially implemented' });
  await page.getByLabel('Narrative', { exact: true }).fill('[E2E] The plan was adopted in March; its second stage started in June.');
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByTestId('state-badge').first()).toHaveText('Submitted');
});

test('the secretariat accepts, and the timeline shows every event in order', async ({ browser }) => {
  const page = await pageFor(browser, USERS.secretariat);
  await page.goto(reportUrl);
  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByTestId('state-badge').first()).toHaveText('Accepted');
  await expect(page.getByTestId('timeline-event')).toHaveText([
    /^Saved · In progress/, /^Submitted · In progress/, /^Returned for revision · In progress.*Please say which stage/s,
    /^Submitted · Substantially implemented/, /^Accepted · Substantially implemented/,
  ]);
  await expect(page.getByTestId('series-table')).toContainText('Substantially implemented');

  const focal = await pageFor(browser, USERS.focalMex);
  await focal.goto('/en/worklist');
  await expect(focal.getByTestId('worklist-progress')).toHaveText(/^1 of \d+ reported$/);
});

test("the Nigeria focal point gets a 404 on Mexico's report page", async ({ browser }) => {
  const page = await pageFor(browser, USERS.focalNga);
  const response = await page.goto(reportUrl);
  expect(response?.status()).toBe(404);
  await expect(page.getByText('[E2E] The plan was adopted')).toHaveCount(0);
  const worklist = await page.goto('/en/worklist?entity=MEX');
  expect(worklist?.status()).toBe(404);
});

test('two people editing one report: the second save is refused, shows the other version and keeps the text typed', async ({ browser }) => {
  const first = await pageFor(browser, USERS.focalMex);
  const second = await pageFor(browser, USERS.focalMex);
  await first.goto('/en/worklist');
  await first.getByTestId('worklist-row').filter({ hasText: '[E2E] Synthetic commitment b' }).getByRole('link', { name: '1(b)' }).click();
  await expect(first.getByTestId('report-heading')).toHaveText(/^1\(b\)/);
  await second.goto(first.url());

  await second.getByLabel('Narrative', { exact: true }).fill('[E2E] Written by the other person.');
  await second.getByRole('button', { name: 'Save draft' }).click();
  await expect(second.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible();

  await first.getByLabel('Narrative', { exact: true }).fill('[E2E] My own words, which must not be lost.');
  await first.getByRole('button', { name: 'Save draft' }).click();
  await expect(first.getByTestId('conflict')).toContainText('Someone else saved this report meanwhile');
  await expect(first.getByTestId('conflict-narrative')).toHaveText('[E2E] Written by the other person.');
  await expect(first.getByLabel('Narrative', { exact: true })).toHaveValue('[E2E] My own words, which must not be lost.');

  // Saving again, having seen theirs, keeps mine.
  await first.getByRole('button', { name: 'Save draft' }).click();
  await expect(first.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible();
  await second.reload();
  await expect(second.getByLabel('Narrative', { exact: true })).toHaveValue('[E2E] My own words, which must not be lost.');
});

test('text typed and not saved comes back after the page is reloaded', async ({ browser }) => {
  const page = await pageFor(browser, USERS.focalMex);
  await page.goto('/en/worklist');
  await page.getByTestId('worklist-row').filter({ hasText: '[E2E] Synthetic commitment c' }).getByRole('link', { name: '1(c)' }).click();
  await expect(page.getByTestId('report-heading')).toHaveText(/^1\(c\)/);
  await page.getByLabel('Narrative', { exact: true }).fill('[E2E] Typed on a train, never saved.');
  // Leaving asks first; the person says yes.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.reload();
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(page.getByLabel('Narrative', { exact: true })).toHaveValue('[E2E] Typed on a train, never saved.');
});
