// The import screens and provenance as people use them: the catalogue preview fits the page on a
// desktop and a phone and shows the chapters and sub-headings found, refusals read in the page's
// language, the document dry run lists paragraphs and footnotes (and says where a line went
// when it was not read as it looks), and internal file names are for staff only.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { USERS } from './fixtures';
import { e2eQuery, signInThroughApi } from './helpers';

const fixturePath = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));
const fixture = (path: string) => readFileSync(fixturePath(path), 'utf8');

const DESKTOP = { width: 1366, height: 900 };

/** A picture to look at: into IMPORTS_SCREENSHOTS when set (test-results is shared and cleared), else the test's output. */
async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const folder = process.env.IMPORTS_SCREENSHOTS;
  await page.screenshot({ path: folder ? `${folder}/${name}` : testInfo.outputPath(name), fullPage: true });
}
const PHONE = { width: 390, height: 844 };

/** Nothing runs past the screen's edge: neither the page nor the element scrolls sideways. */
async function expectWithinWidth(page: Page, testId: string) {
  const widths = await page.evaluate((id) => {
    const element = document.querySelector(`[data-testid="${id}"]`)!;
    return { viewport: window.innerWidth, page: document.documentElement.scrollWidth, element: element.scrollWidth, right: element.getBoundingClientRect().right };
  }, testId);
  expect(widths.page, `the page scrolls sideways (${JSON.stringify(widths)})`).toBeLessThanOrEqual(widths.viewport);
  expect(widths.element, `${testId} is wider than the screen (${JSON.stringify(widths)})`).toBeLessThanOrEqual(widths.viewport);
  expect(widths.right).toBeLessThanOrEqual(widths.viewport);
}

async function previewInstrument(page: Page, locale: 'en' | 'zh', text: string, language: string) {
  await page.goto(`/${locale}/catalogue/import?instrument=JMS2014`);
  // The form is the page's script's: wait until it runs (the button is enabled then).
  await expect(page.locator('form button[type=submit]').first()).toBeEnabled();
  await page.locator('#language').selectOption(language);
  await page.locator('#text').fill(text);
  await page.locator('form button[type=submit]').first().click();
}

for (const [device, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
  test(`the catalogue preview fits a ${device}, with the chapters and sub-headings found and compact area choices`, async ({ page }, testInfo) => {
    await page.setViewportSize(viewport);
    await signInThroughApi(page, USERS.secretariat);
    await previewInstrument(page, 'en', fixture('instruments/outcome-document.en.txt'), 'en');
    const preview = page.getByTestId('import-preview');
    await expect(preview.getByTestId('preview-item')).toHaveCount(38);
    await expect(preview.getByTestId('preview-summary')).toContainText('38 items in 3 chapters (3 sub-headings):');
    await expect(preview.getByTestId('preview-chapter').first()).toHaveText(/^Chapter 1\. Operational recommendations on invented widget coordination/);
    await expect(preview.getByTestId('preview-subheading').first()).toHaveText('Invented prevention of widget misalignment');
    await expectWithinWidth(page, 'preview-table');
    await expectWithinWidth(page, 'import-preview');

    // An area is chosen by its code and a short title; the whole title is the option's tooltip.
    const select = page.getByLabel('Thematic area of 1(a)');
    await select.selectOption('TA5');
    const option = select.locator('option[value="TA5"]');
    const [label, title] = [await option.textContent(), await option.getAttribute('title')];
    expect(label!.length).toBeLessThanOrEqual(60);
    expect(label).toMatch(/^TA5 Cross-cutting issues in addressing/);
    expect(title).toMatch(/^Cross-cutting issues in addressing and countering the world drug problem: evolving reality/);
    await expect(select).toHaveAttribute('title', title!);
    await expectWithinWidth(page, 'preview-table');
    // The text column is wide enough to read: not squeezed to a word a line.
    const text = preview.getByTestId('preview-item').first().locator('td').last();
    expect((await text.boundingBox())!.width).toBeGreaterThan(viewport.width < 500 ? 250 : 400);
    await screenshot(page, testInfo, `catalogue-preview-${device}.png`);
  });
}

test('a chapter heading on its own is shown, and counts are worded in the singular', async ({ page }) => {
  await signInThroughApi(page, USERS.secretariat);
  await previewInstrument(page, 'en', '1. Demo heading\n(a) Invented first demo item;\n(b) Invented second demo item.\n', 'en');
  const preview = page.getByTestId('import-preview');
  await expect(preview.getByTestId('preview-summary')).toContainText('2 items in 1 chapter: 2 new, 0 translated');
  await expect(preview.getByTestId('preview-chapter')).toHaveText('Chapter 1. Demo heading');
});

test('on the Chinese page, a text in the wrong language is refused in Chinese', async ({ page }) => {
  await signInThroughApi(page, USERS.secretariat);
  await previewInstrument(page, 'zh', '1. Demo heading\n(a) Invented first demo item that is plainly English text;\n', 'zh');
  const error = page.getByTestId('form-error');
  await expect(error).toHaveText('文本声明为中文（zh），但其中大部分文字是拉丁字母。请选择正确的语文，或分别导入每种语文。');
});

test('the Chinese preview fits a phone and reads in Chinese', async ({ page }, testInfo) => {
  await page.setViewportSize(PHONE);
  await signInThroughApi(page, USERS.secretariat);
  await previewInstrument(page, 'zh', fixture('instruments/outcome-document.zh.txt'), 'zh');
  const preview = page.getByTestId('import-preview');
  await expect(preview.getByTestId('preview-summary')).toContainText(/共\d+个项目，分3章（1个小标题）：新增\d+个/);
  await expect(preview.getByTestId('preview-chapter').first()).toHaveText(/^第1章：/);
  await expectWithinWidth(page, 'preview-table');
  await screenshot(page, testInfo, 'catalogue-preview-zh-phone.png');
});

async function dryRun(page: Page, symbol: string, text: string) {
  await page.goto('/en/documents/import');
  await expect(page.getByRole('button', { name: 'Dry run' })).toBeEnabled();
  await page.getByLabel('Document symbol').fill(symbol);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('en');
  await page.getByLabel('Text', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByTestId('document-preview')).toBeVisible({ timeout: 30_000 });
}

test('the dry run of a document lists its paragraphs and footnotes', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signInThroughApi(page, USERS.secretariat);
  await dryRun(page, 'X/E2E/IMP/1', fixture('reports/long-report.en.txt'));
  await expect(page.getByTestId('document-preview-summary')).toHaveText('New document X/E2E/IMP/1. 30 paragraphs, 5 sections, 1 footnote.');
  const rows = page.getByTestId('dry-run-paragraph');
  await expect(rows).toHaveCount(30);
  await expect(rows.nth(24)).toContainText(/^25/);
  await expect(rows.nth(24)).toContainText('Invented paragraph 25 that the end-to-end test links');
  await expect(page.getByTestId('dry-run-footnote')).toHaveCount(1);
  await expect(page.getByTestId('dry-run-footnote')).toContainText('Invented footnote about a fictional meeting.');
  await expect(page.getByTestId('document-line-notes')).toHaveCount(0);
  await expectWithinWidth(page, 'document-preview');
});

test('the dry run says where a footnote line went when it was not read as a footnote', async ({ page }, testInfo) => {
  await signInThroughApi(page, USERS.secretariat);
  const withoutRule = fixture('reports/long-report.en.txt').replace(/^_{5,}\n/mu, '');
  await dryRun(page, 'X/E2E/IMP/2', withoutRule);
  await expect(page.getByTestId('document-preview-summary')).toHaveText('New document X/E2E/IMP/2. 30 paragraphs, 5 sections, no footnote.');
  await expect(page.getByTestId('document-line-note')).toHaveText([
    'Line 74: “1 Invented footnote about a fictional meeting.” looks like a footnote, but no line of underscores (____) comes before it, so it was not read as one: it is part of the text of paragraph 25.',
  ]);
  await expect(page.getByTestId('dry-run-no-footnotes')).toBeVisible();
  await screenshot(page, testInfo, 'dry-run-line-note.png');
});

test('the dry run of a long document lists its first paragraphs and counts the rest', async ({ page }) => {
  await signInThroughApi(page, USERS.secretariat);
  const paragraphs = Array.from({ length: 450 }, (_, i) => `${i + 1}. Invented paragraph ${i + 1} of a long synthetic report for the dry run.`);
  await dryRun(page, 'X/E2E/IMP/3', `X/E2E/IMP/3\n\nInvented long report\n\nI. Introduction\n\n${paragraphs.join('\n')}\n`);
  await expect(page.getByTestId('document-preview-summary')).toContainText('450 paragraphs');
  await expect(page.getByTestId('dry-run-paragraph')).toHaveCount(200);
  await expect(page.getByTestId('dry-run-more-paragraphs')).toHaveText('…and 250 more paragraphs, not listed here.');
});

test('the Chinese dry run of A/74/129 lists its 102 paragraphs and 3 footnotes on a phone', async ({ page }, testInfo) => {
  await page.setViewportSize(PHONE);
  await signInThroughApi(page, USERS.secretariat);
  await page.goto('/zh/documents/import');
  await expect(page.locator('form button[type=submit]').first()).toBeEnabled();
  await page.locator('#symbol').fill('X/E2E/IMP/ZH');
  await page.locator('#language').selectOption('zh');
  await page.locator('#text').fill(readFileSync(fileURLToPath(new URL('../../prisma/seed/documents/A-74-129.zh.txt', import.meta.url)), 'utf8'));
  await page.locator('form button[type=submit]').first().click();
  await expect(page.getByTestId('document-preview-summary')).toHaveText('新文件 X/E2E/IMP/ZH。102段，32个章节，3个脚注。', { timeout: 30_000 });
  await expect(page.getByTestId('dry-run-paragraph')).toHaveCount(102);
  await expect(page.getByTestId('dry-run-paragraph').nth(6)).toContainText(/^7\s*II\s*将类阿片药物用于非医疗用途/);
  await expect(page.getByTestId('dry-run-footnote')).toHaveCount(3);
  await expectWithinWidth(page, 'document-preview');
  await screenshot(page, testInfo, 'dry-run-zh-phone.png');
});

/** A commitment with synthetic wording, imported (behind the application's back) from a long file name. */
async function createImportedCommitment(id: string) {
  await e2eQuery(
    `INSERT INTO "Commitment" ("id", "instrumentId", "thematicAreaId", "reference", "kind", "chapter", "order", "updatedAt")
     SELECT $1, i."id", a."id", 'e2e-prov', 'COMMITMENT', 1, 1, now() FROM "Instrument" i, "ThematicArea" a
     WHERE i."code" = 'MD2019' AND a."code" = 'TA6' ON CONFLICT DO NOTHING`,
    [id],
  );
  await e2eQuery(
    `INSERT INTO "CommitmentText" ("id", "commitmentId", "locale", "text", "sourceName", "sourceChecksum", "importedByEmail", "updatedAt")
     VALUES ($1 || '-en', $1, 'en', 'Synthetic end-to-end commitment about invented provenance tables.', $2, $3, $4, now()) ON CONFLICT DO NOTHING`,
    [id, PROVENANCE_FILE, 'f'.repeat(64), USERS.secretariat.email],
  );
}

const PROVENANCE_FILE = 'an-unusually-long-internal-file-name-of-a-synthetic-instrument-text-for-the-provenance-table.en.txt';

for (const [who, user] of [['an anonymous reader', null], ['a focal point', USERS.focalMex], ['the secretariat', USERS.secretariat]] as const) {
  test(`the provenance of a commitment fits a phone and a desktop, and reads "The secretariat" to ${who}`, async ({ page }, testInfo) => {
    const id = 'e2eimportsprov0001';
    await createImportedCommitment(id);
    if (user) await signInThroughApi(page, user);
    for (const [device, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
      await page.setViewportSize(viewport);
      await page.goto(`/en/commitments/${id}`);
      const row = page.getByTestId('provenance-row');
      await expect(row).toContainText('The secretariat');
      await expectWithinWidth(page, 'provenance');
      if (user === USERS.secretariat) {
        await expect(row).toContainText(PROVENANCE_FILE);
        await expect(row).toContainText(USERS.secretariat.email);
      } else {
        await expect(page.locator('body')).not.toContainText(PROVENANCE_FILE);
        await expect(row).not.toContainText(USERS.secretariat.email);
        // Instead of the file, the instrument it is the text of.
        await expect(row).toContainText('E/2019/28');
      }
      await screenshot(page, testInfo, `provenance-${user ? user.role.toLowerCase() : 'anonymous'}-${device}.png`);
    }
  });
}

test('the file a document was imported from is named to staff only', async ({ browser }) => {
  for (const [who, user] of [['anonymous', null], ['focal point', USERS.focalMex], ['secretariat', USERS.secretariat]] as const) {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    if (user) await signInThroughApi(page, user);
    await page.goto('/zh/documents/a-74-129/zh');
    await expect(page.getByText(/由秘书处于\d{4}年\d{1,2}月\d{1,2}日导入。/), who).toBeVisible();
    if (who === 'secretariat') await expect(page.getByTestId('document-staff-provenance')).toContainText('A-74-129.zh.txt');
    else await expect(page.locator('body'), who).not.toContainText('A-74-129.zh.txt');
    await context.close();
  }
});
