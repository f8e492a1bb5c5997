// Forms as a reader meets them: limits shown with a live count and refused in words (never cut),
// dates typed as day, month and year in the reader's order, and dates as the UN writes them.
// Screenshots land in test-results/forms-shots for a person to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { USERS } from './fixtures';
import { fillDate, signInThroughApi } from './helpers';

const SHOTS = join('test-results', 'forms-shots');
async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

test('a name over its limit is counted as it is typed, kept whole, and refused in words', async ({ page }) => {
  await signInThroughApi(page, USERS.admin);
  await page.goto('/en/cycles');
  const name = page.getByLabel('Name (English)');
  const count = page.getByTestId('character-limit').filter({ hasText: 'of 200 characters' }).first();
  await expect(count).toHaveText('0 of 200 characters');
  // Pasted text is not cut at the limit: all 205 characters stay, and the count says how many too many.
  await name.fill('n'.repeat(205));
  await expect(name).toHaveValue('n'.repeat(205));
  await expect(count).toHaveText('205 of 200 characters: 5 too many');
  await page.getByLabel('Code').fill('2032-limit');
  await fillDate(page, 'Period from', '2032-01-01');
  await fillDate(page, 'Period to', '2032-12-31');
  await fillDate(page, 'Opens on', '2032-02-01');
  await fillDate(page, 'Deadline', '2032-10-31');
  await page.getByRole('button', { name: 'Create the cycle' }).click();
  await expect(page.getByText('This has 205 characters; the limit is 200. Shorten it by 5.')).toBeVisible();
  await expect(name).toHaveValue('n'.repeat(205));
  await shot(page, 'cycle-limit-en-desktop');
});

test('in Chinese, a date is typed year, month, day, and the page shows dates as 2031年10月31日', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInThroughApi(page, USERS.admin);
  await page.goto('/zh/cycles');
  const deadline = page.getByTestId('date-deadline');
  const labels = await deadline.locator('label').allTextContents();
  expect(labels).toEqual(['年', '月', '日']);
  await expect(deadline.getByLabel('月')).toContainText('十月');
  await expect(page.locator('main')).not.toContainText(/\b\d{1,2}\/\d{1,2}\/\d{4}\b/);
  await shot(page, 'cycle-form-zh-phone');
});

test('search marks its matches on a phone, in Chinese', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/zh/search?q=%E6%AF%92%E5%93%81');
  await expect(page.getByTestId('paragraph-hit').first().locator('mark').first()).toHaveText('毒品');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await shot(page, 'search-zh-phone');
  await page.goto(`/en/search?q=${encodeURIComponent('профилактика')}`);
  await expect(page.getByTestId('search-other-language')).toContainText('the imported documents are in Chinese');
  await shot(page, 'search-other-language-en-desktop');
});
