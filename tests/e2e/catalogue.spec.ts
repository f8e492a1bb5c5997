import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { USERS } from './fixtures';
import { signInThroughApi } from './helpers';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/instruments/${name}`, import.meta.url));

test('the secretariat imports an instrument through the wizard and reads a commitment', async ({ page }) => {
  await signInThroughApi(page, USERS.secretariat);
  await page.goto('/en/catalogue/import?instrument=PD2009');
  await expect(page.getByRole('heading', { level: 1, name: "Import an instrument's text" })).toBeVisible();

  // The file is read by the page's script: wait until it runs (the button is enabled then).
  await expect(page.getByRole('button', { name: 'Preview' })).toBeEnabled();
  await page.getByLabel('Text file (optional)').setInputFiles(fixture('outcome-document.en.txt'));
  await expect(page.getByLabel('Text', { exact: true })).toHaveValue(/Invented joint outline/);
  await page.getByLabel('Language of the text').selectOption('en');
  await page.getByRole('button', { name: 'Preview' }).click();

  const preview = page.getByTestId('import-preview');
  await expect(preview.getByTestId('preview-summary')).toContainText('First import of E/2009/28');
  await expect(preview.getByTestId('preview-item')).toHaveCount(38);
  await expect(preview.getByRole('rowheader', { name: '2(aa)' })).toBeVisible();
  // Outside UNGASS the areas are proposals that a person may change.
  await page.getByLabel('Thematic area of 1(a)').selectOption('TA4.1');

  await page.getByRole('button', { name: 'Import 38 items' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('38 new commitments');
  await result.getByRole('link', { name: 'Open the instrument' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Chapter 1\. Operational recommendations on invented widget coordination/ })).toBeVisible();

  await page.getByRole('link', { name: '1(a)', exact: true }).click();
  await expect(page.getByTestId('commitment-citation')).toHaveText(/1\(a\)$/);
  await expect(page.getByTestId('commitment-text')).toHaveText('Invented item text about widget coordination for parser testing;');
  await expect(page.getByRole('link', { name: /^TA4\.1 / })).toBeVisible();
  await expect(page.getByTestId('provenance-row')).toContainText(['outcome-document.en.txt']);
  await expect(page.getByTestId('provenance-row')).toContainText([USERS.secretariat.email]);

  // In Chinese, the English wording is shown with a visible notice.
  await page.goto(page.url().replace('/en/', '/zh/'));
  await expect(page.getByTestId('fallback-notice')).toContainText('英文');
});

test('text that is not an instrument gets a clear message and nothing is stored', async ({ page }) => {
  await signInThroughApi(page, USERS.admin);
  await page.goto('/en/catalogue/import?instrument=JMS2014');
  await expect(page.getByRole('button', { name: 'Preview' })).toBeEnabled();
  await page.getByLabel('Text', { exact: true }).fill('Just a paragraph of invented prose, with no chapters and no lettered items.');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('form-error')).toContainText('does not look like an instrument');
  await page.goto('/en/instruments');
  await expect(page.getByTestId('instrument').filter({ hasText: 'E/2014/28' })).toContainText('The text has not been imported yet.');
});

test('a focal point cannot open the import screen', async ({ page }) => {
  await signInThroughApi(page, USERS.focalMex);
  const response = await page.goto('/en/catalogue/import');
  expect(response?.status()).toBe(404);
});
