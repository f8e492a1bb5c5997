import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import { USERS } from './fixtures';
import { signInThroughApi } from './helpers';

// From a report with cited evidence to the summary: a number of the summary leads to the report
// behind it, the narrative draft downloads as Word with the citation, and the CSV holds the row.
test('the secretariat follows a summary to its reports, and downloads the draft and the CSV', async ({ browser, page }) => {
  test.setTimeout(90_000);
  const year = new Date().getUTCFullYear();

  // UNODC's focal point reports on 1(b), citing a paragraph of A/74/129.
  const focal = await (await browser.newContext()).newPage();
  await signInThroughApi(focal, USERS.focalUnodc);
  await focal.goto('/en/worklist');
  await focal.getByTestId('worklist-row').filter({ hasText: '[E2E] Synthetic commitment b' }).getByRole('link', { name: '1(b)' }).click();
  await expect(focal.getByTestId('report-heading')).toHaveText(/^1\(b\)/);
  await focal.getByLabel('Status', { exact: true }).selectOption({ label: 'Fully implemented' });
  await focal.getByLabel('Narrative', { exact: true }).fill('[E2E] Done in full, as the cited paragraph describes.');
  await focal.getByRole('button', { name: 'Save draft' }).click();
  await expect(focal.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible();
  await focal.getByLabel('Words to find').fill('芬太尼');
  await focal.getByRole('button', { name: 'Search', exact: true }).click();
  await focal.getByTestId('paragraph-hit').first().getByRole('button', { name: /^Attach/ }).click();
  await expect(focal.getByTestId('report-evidence-item')).toContainText('A/74/129, para. 7');
  await focal.getByRole('button', { name: 'Submit for review' }).click();
  await expect(focal.getByTestId('state-badge').first()).toHaveText('Submitted');
  const reportUrl = focal.url();

  await signInThroughApi(page, USERS.secretariat);
  await page.goto(reportUrl);
  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByTestId('state-badge').first()).toHaveText('Accepted');

  // The summary counts it; its number leads to the report.
  await page.goto(`/en/areas/TA1/summary?cycle=${year}`);
  await expect(page.getByTestId('summary-heading')).toContainText('TA1');
  const fully = page.getByTestId('summary-total').locator('td[data-status="FULLY_IMPLEMENTED"] a');
  await expect(fully).toHaveText(/^[1-9]\d*$/);
  await fully.click();
  await expect(page).toHaveURL(/\/en\/reviews\?.*status=FULLY_IMPLEMENTED/);
  await expect(page.getByTestId('review-row').filter({ hasText: 'United Nations Office on Drugs and Crime' })).toHaveCount(1);

  // The CSV of the reports behind the figures.
  await page.goto(`/en/areas/TA1/summary?cycle=${year}`);
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Reports behind these figures (CSV)' }).click();
  const csv = await readFile((await (await csvDownload).path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('[E2E] Done in full, as the cited paragraph describes.');
  expect(csv).toContain('A/74/129, para. 7');

  // The narrative draft, downloaded as Word: it parses, and holds the citation.
  await page.getByRole('link', { name: 'Narrative draft (Word, print)' }).click();
  await expect(page.getByText('DRAFT — for the secretariat to edit, not an official text').first()).toBeVisible();
  const docxDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download as Word (DOCX)' }).click();
  const zip = await JSZip.loadAsync(await readFile((await (await docxDownload).path())!));
  const documentXml = await zip.file('word/document.xml')!.async('string');
  // The citation stands before the full stop, as in UN texts.
  expect(documentXml).toContain('[E2E] Done in full, as the cited paragraph describes (A/74/129, para. 7).');
});

test('a visitor who is not signed in sees no figures before a cycle is published', async ({ page }) => {
  await page.goto('/en/summaries');
  await expect(page.getByTestId('nothing-published')).toBeVisible();
  const api = await page.request.get(`/api/v1/summaries/TA1?cycle=${new Date().getUTCFullYear()}`);
  expect(api.status()).toBe(404);
});
