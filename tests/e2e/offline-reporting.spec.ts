import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { hashPassword } from '@/lib/auth/password';
import type { E2EUser } from './fixtures';
import { e2eQuery, signInThroughApi } from './helpers';

// Offline reporting as a focal point does it: download the worklist from the worklist page,
// fill it in (here with exceljs, as a spreadsheet program would), upload it, read the preview,
// confirm, and find the new draft on the worklist. Japan's focal point is this test's own, so
// that no other test's reports are in its worklist.
const focal: E2EUser = {
  email: 'e2e-offline-focal-jpn@example.test', password: 'e2e offline focal password', name: 'E2E Offline Focal Point', role: 'FOCAL_POINT', entity: 'JPN',
};

test.beforeAll(async () => {
  await e2eQuery(
    `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "entityId", "updatedAt")
     SELECT 'e2e-offline-focal-jpn', $1, $2, $3, 'FOCAL_POINT', e."id", now() FROM "ReportingEntity" e WHERE e."code" = $4
     ON CONFLICT ("email") DO NOTHING`,
    [focal.email, focal.name, await hashPassword(focal.password), focal.entity],
  );
});

const COMMITMENT_B = '[E2E] Synthetic commitment b for end-to-end tests.';

test('a focal point downloads the worklist, fills it in offline, uploads it, and finds the draft saved', async ({ page }) => {
  await signInThroughApi(page, focal);
  await page.goto('/en/worklist');
  await expect(page.getByTestId('worklist-entity')).toHaveText('Japan');
  const row = page.getByTestId('worklist-row').filter({ hasText: COMMITMENT_B });
  await expect(row.getByTestId('state-badge').last()).toHaveText('Not reported');

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download as XLSX', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^worklist-JPN-\d{4}-\d{4}-\d{2}-\d{2}\.xlsx$/);

  // Filled in offline: the status from the drop-down's names, and a narrative of two paragraphs.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await readFile((await download.path())!) as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? ''));
  const column = (name: string) => headers.indexOf(name);
  let filled = 0;
  sheet.eachRow((sheetRow) => {
    if (sheetRow.getCell(column('Commitment')).value !== COMMITMENT_B) return;
    sheetRow.getCell(column('Status')).value = 'Fully implemented';
    sheetRow.getCell(column('Narrative')).value = '[E2E] Filled in offline by the ministries.\n\nConsolidated by the focal point.';
    filled += 1;
  });
  expect(filled).toBe(1);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

  await page.getByRole('link', { name: 'Upload a filled-in worklist', exact: true }).click();
  await expect(page).toHaveURL(/\/en\/worklist\/upload$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Upload a filled-in worklist');
  await page.getByLabel('Worklist file (XLSX)').setInputFiles({
    name: 'worklist-JPN-filled.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes,
  });
  await page.getByRole('button', { name: 'Preview the changes' }).click();

  const preview = page.getByTestId('upload-preview');
  await expect(preview.getByTestId('preview-summary')).toHaveText(/^worklist-JPN-filled\.xlsx: 1 report would be saved as a draft; no row refused; \d+ rows unchanged\.$/);
  const change = preview.getByTestId('preview-change');
  await expect(change).toHaveCount(1);
  await expect(change).toContainText('E2E/1 1(b)');
  await expect(change).toContainText('New draft');
  await expect(change).toContainText('Status: no status → Fully implemented');
  await expect(change.getByTestId('preview-narrative')).toHaveText('[E2E] Filled in offline by the ministries. Consolidated by the focal point.');

  await preview.getByRole('button', { name: 'Save 1 draft' }).click();
  const saved = page.getByTestId('upload-saved');
  await expect(saved).toContainText('1 draft saved. Nothing was submitted');

  await saved.getByRole('link', { name: 'Open the worklist' }).click();
  await expect(page).toHaveURL(/\/en\/worklist$/);
  const drafted = page.getByTestId('worklist-row').filter({ hasText: COMMITMENT_B });
  await expect(drafted.getByTestId('state-badge').last()).toHaveText('Draft');
  await expect(drafted).toContainText('Fully implemented');
  await drafted.getByRole('link', { name: '1(b)' }).click();
  await expect(page.getByLabel('Narrative', { exact: true })).toHaveValue('[E2E] Filled in offline by the ministries.\n\nConsolidated by the focal point.');
  await expect(page.getByTestId('state-badge').first()).toHaveText('Draft');
});

test('the links are in Chinese on /zh, and a file that is not a worklist is refused in words', async ({ page }) => {
  await signInThroughApi(page, focal);
  await page.goto('/zh/worklist');
  await expect(page.getByRole('link', { name: '下载为 XLSX', exact: true })).toHaveAttribute('href', '/api/worklist/xlsx?lang=zh');
  await page.getByRole('link', { name: '上传已填写的工作清单', exact: true }).click();
  await page.getByLabel('工作清单文件（XLSX）').setInputFiles({ name: 'answers.csv', mimeType: 'text/csv', buffer: Buffer.from('Reference,Status\n1(a),In progress\n') });
  await page.getByRole('button', { name: '预览更改' }).click();
  await expect(page.getByTestId('upload-file-error')).toHaveText('这不是 XLSX 工作簿。请上传用“下载为 XLSX”下载的工作清单，并保存为 Excel 工作簿（.xlsx）。');
  await expect(page.getByTestId('upload-preview')).toHaveCount(0);
});
