import { expect, test, type Browser, type Page } from '@playwright/test';
import { USERS, type E2EUser } from './fixtures';
import { e2eQuery, signInThroughApi } from './helpers';

// Several ministries behind one focal point: Colombia's coordinator invites a contributor, who
// accepts by the e-mailed link, drafts the commitment assigned to them and marks it ready; the
// coordinator sees it ready and submits it. E-mails stay in the outbox (no SMTP in tests).
test.describe.configure({ mode: 'serial' });

const contributor: E2EUser = {
  email: 'e2e-contributor-col@example.test', password: 'e2e contributor col password', name: 'E2E Ministry of Health', role: 'CONTRIBUTOR', entity: 'COL',
};

async function pageFor(browser: Browser, user: E2EUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInThroughApi(page, user);
  return page;
}

test('the coordinator invites a contributor, who accepts by the link in the e-mail', async ({ browser }) => {
  const page = await pageFor(browser, USERS.focalCol);
  await page.goto('/en/dashboard');
  await page.getByTestId('app-nav').getByRole('link', { name: 'Contributors' }).click();
  await page.getByLabel('Name', { exact: true }).fill(contributor.name);
  await page.getByLabel('E-mail', { exact: true }).fill(contributor.email);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Invitation sent.' })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('contributor-row').filter({ hasText: contributor.email }).getByTestId('contributor-state')).toHaveText('Invited');

  const mail = await e2eQuery(`SELECT "subject", "body" FROM "OutboxEmail" WHERE "toEmail" = $1 AND "template" = 'INVITATION'`, [contributor.email]);
  expect(mail.rows).toHaveLength(1);
  expect(mail.rows[0].subject).toBe('Invitation to report for Colombia');
  const link = /http:\/\/[^\s]+\/en\/invitations\/[A-Za-z0-9_-]+/.exec(mail.rows[0].body)?.[0];
  expect(link).toBeTruthy();

  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(new URL(link!).pathname);
  await expect(invitee.getByRole('heading', { name: 'Accept your invitation' })).toBeVisible();
  await invitee.getByLabel('Password', { exact: true }).fill(contributor.password);
  await invitee.getByLabel('Type the password again').fill(contributor.password);
  await invitee.getByRole('button', { name: 'Start contributing' }).click();
  await expect(invitee.getByTestId('invitation-accepted')).toContainText(contributor.email);
  // The link works once.
  await invitee.goto(new URL(link!).pathname);
  await expect(invitee.getByTestId('invitation-state')).toHaveText('This invitation has already been used. Sign in with the password you chose.');
});

test('the coordinator assigns one commitment to the contributor', async ({ browser }) => {
  const page = await pageFor(browser, USERS.focalCol);
  await page.goto('/en/worklist');
  const row = page.getByTestId('worklist-row').filter({ hasText: '[E2E] Synthetic commitment a' });
  await row.getByTestId('assign-select').check();
  await page.getByLabel('Contributor', { exact: true }).first().selectOption({ label: contributor.name });
  await page.getByRole('button', { name: 'Assign selected' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 commitment assigned.' })).toBeVisible();
  await expect(row.getByTestId('worklist-assignee')).toContainText(contributor.name);
});

let reportUrl = '';

test('the contributor sees only the assignment, drafts it and marks it ready, and cannot submit', async ({ browser }) => {
  const page = await pageFor(browser, contributor);
  await page.goto('/en/notifications');
  await expect(page.getByTestId('notification').first()).toContainText('assigned you 1 commitment of Colombia');
  await page.goto('/en/dashboard');
  await expect(page.getByTestId('app-nav').getByRole('link')).toHaveText(['Overview', 'Worklist', 'Thematic areas', 'Reporting entities']);
  await expect(page.getByTestId('dashboard-assigned')).toContainText('1 commitment assigned to you: 0 drafted, 0 handed over.');
  await page.goto('/en/worklist');
  await expect(page.getByTestId('contributor-note')).toBeVisible();
  await expect(page.getByTestId('worklist-row')).toHaveCount(1);
  await page.getByTestId('worklist-row').getByRole('link', { name: '1(a)' }).click();
  await expect(page).toHaveURL(/\/en\/reports\/\d{4}\/COL\//);
  reportUrl = new URL(page.url()).pathname;
  await expect(page.getByRole('button', { name: 'Submit for review' })).toHaveCount(0);
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'In progress' });
  await page.getByLabel('Narrative', { exact: true }).fill('[E2E] Drafted by the ministry of health.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible();
  await page.reload();
  await page.getByTestId('mark-ready').click();
  await expect(page.getByTestId('report-ready')).toContainText(`Marked ready for submission by ${contributor.name}`);
  await expect(page.getByTestId('timeline-event').filter({ hasText: 'Assigned to a contributor' })).toContainText(contributor.name);
  await expect(page.getByTestId('timeline-event').last()).toContainText('Marked ready for submission');

  // Another commitment of the entity, not assigned: as if it did not exist.
  const other = await e2eQuery(`SELECT c."id" FROM "Commitment" c JOIN "CommitmentText" t ON t."commitmentId" = c."id" WHERE t."text" LIKE '[E2E] Synthetic commitment b%'`);
  const response = await page.goto(reportUrl.replace(/[^/]+$/, other.rows[0].id));
  expect(response?.status()).toBe(404);
});

test('the coordinator is told, finds it ready and submits it', async ({ browser }) => {
  const page = await pageFor(browser, USERS.focalCol);
  await page.goto('/en/notifications');
  const item = page.getByTestId('notification').filter({ hasText: 'marked' }).first();
  await expect(item).toContainText(`${contributor.name} marked`);
  await page.goto('/en/worklist?assignee=ready');
  await expect(page.getByTestId('worklist-ready')).toHaveCount(1);
  await page.getByTestId('worklist-row').getByRole('link', { name: '1(a)' }).click();
  await expect(page.getByLabel('Narrative', { exact: true })).toHaveValue('[E2E] Drafted by the ministry of health.');
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByTestId('state-badge').first()).toHaveText('Submitted');
  expect(new URL(page.url()).pathname).toBe(reportUrl);
});
