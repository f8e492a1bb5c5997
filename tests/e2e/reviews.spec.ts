import { expect, test, type Browser } from '@playwright/test';
import { USERS, type E2EUser } from './fixtures';
import { signInThroughApi } from './helpers';

async function submitFirstCommitment(browser: Browser, user: E2EUser, narrative: string) {
  const page = await (await browser.newContext()).newPage();
  await signInThroughApi(page, user);
  await page.goto('/en/worklist');
  await page.getByTestId('worklist-row').filter({ hasText: '[E2E] Synthetic commitment a' }).getByRole('link', { name: '1(a)' }).click();
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Not started' });
  await page.getByLabel('Narrative', { exact: true }).fill(narrative);
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByTestId('state-badge').first()).toHaveText('Submitted');
}

test('the secretariat selects two submissions and accepts them together, after confirming', async ({ browser, page }) => {
  // Three people and two submissions: about 17 s on a quiet machine, over the default 30 s on a busy one.
  test.setTimeout(90_000);
  await submitFirstCommitment(browser, USERS.focalNga, '[E2E] Nigeria has not started yet.');
  await submitFirstCommitment(browser, USERS.focalUnodc, '[E2E] UNODC has not started yet.');

  await signInThroughApi(page, USERS.secretariat);
  await page.goto('/en/reviews?instrument=E2E');
  await page.getByRole('checkbox', { name: 'Select Nigeria 1(a)' }).check();
  await page.getByRole('checkbox', { name: /^Select United Nations Office on Drugs and Crime 1\(a\)$/ }).check();
  await expect(page.getByRole('button', { name: 'Accept 2 selected' })).toBeEnabled();
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toBe('Accept the 2 selected submissions?');
    void dialog.accept();
  });
  await page.getByRole('button', { name: 'Accept 2 selected' }).click();
  await expect(page.getByTestId('accept-result')).toContainText('2 accepted.');
  await expect(page.getByRole('checkbox', { name: 'Select Nigeria 1(a)' })).toHaveCount(0);

  await page.goto('/en/reviews?instrument=E2E&state=ACCEPTED&entity=NGA');
  await expect(page.getByTestId('review-row')).toHaveCount(1);
});
