import { expect, test } from '@playwright/test';
import { USERS } from './fixtures';
import { fillDate, signInThroughApi } from './helpers';

test('an administrator creates a planned cycle; a refused form keeps what was typed', async ({ page }) => {
  await signInThroughApi(page, USERS.admin);
  await page.goto('/en/cycles');
  await page.getByLabel('Code').fill('2031-e2e');
  await page.getByLabel('Name (English)').fill('2031 reporting cycle (E2E)');
  await fillDate(page, 'Period from', '2031-01-01');
  await fillDate(page, 'Period to', '2031-12-31');
  await fillDate(page, 'Opens on', '2031-03-01');
  await fillDate(page, 'Deadline', '2031-02-01');
  await page.getByRole('button', { name: 'Create the cycle' }).click();
  await expect(page.getByText('The deadline must come after the opening date.')).toBeVisible();
  await expect(page.getByLabel('Code')).toHaveValue('2031-e2e');
  await expect(page.getByLabel('Name (English)')).toHaveValue('2031 reporting cycle (E2E)');
  // Dates are typed as day, month by name and year (never the browser's mm/dd/yyyy), and kept too.
  const periodFrom = page.getByRole('group', { name: 'Period from' });
  await expect(periodFrom.getByLabel('Day')).toHaveValue('1');
  await expect(periodFrom.getByLabel('Month')).toHaveValue('1');
  await expect(periodFrom.getByLabel('Year')).toHaveValue('2031');

  await fillDate(page, 'Deadline', '2031-10-31');
  await page.getByRole('button', { name: 'Create the cycle' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The cycle is created (planned).' })).toBeVisible();
  const cycle = page.getByTestId('cycle').filter({ hasText: '2031 reporting cycle (E2E)' });
  await expect(cycle).toHaveAttribute('data-state', 'PLANNED');
  // As the UN writes dates: "31 October 2031", not "October 31, 2031".
  await expect(cycle).toContainText('31 October 2031');
  await expect(periodFrom.getByLabel('Year')).toHaveValue('');
  await expect(cycle.getByRole('button', { name: 'Open the cycle' })).toBeVisible();
});

test('the secretariat does not manage cycles', async ({ page }) => {
  await signInThroughApi(page, USERS.secretariat);
  const response = await page.goto('/en/cycles');
  expect(response?.status()).toBe(404);
});
