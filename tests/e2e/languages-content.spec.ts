// Titles that exist only in English and Chinese (thematic areas, instruments) on a French or Arabic
// page: shown in English, marked lang="en" (and left to right on an Arabic page), with a visible
// note naming English in the page's language. Chinese pages, where the titles exist, show no note;
// in a list where only some are missing, only those are marked.
// The French areas index and the Arabic area page are photographed into test-results/content/
// for a person to look at. Signed in, a French worklist marks the same titles, and the name of an
// organisation (named in English and Chinese only).
import { expect, test } from '@playwright/test';
import { USERS } from './fixtures';
import { signInThroughApi } from './helpers';

test('a French area page shows its English title marked as English, with a badge saying so', async ({ page }) => {
  await page.goto('/fr/areas/TA1');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  const heading = page.getByRole('heading', { level: 1 });
  const title = heading.locator('span[lang="en"]');
  await expect(title).toHaveText(/^Demand reduction and related measures/);
  await expect(heading.getByTestId('fallback-note')).toHaveText('en anglais');
  // The badge is French, outside the English span.
  await expect(title.getByTestId('fallback-note')).toHaveCount(0);
});

test('the French areas index has one note for its English titles, and each title is marked', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/fr/areas');
  await expect(page.getByTestId('titles-language-note')).toHaveText('Titres affichés en anglais : pas encore importés en français.');
  await expect(page.getByTestId('titles-language-note')).toHaveCount(1);
  const items = page.getByTestId('area-index-item');
  await expect(items).toHaveCount(7);
  await expect(items.locator('h2 span[lang="en"]')).toHaveCount(7);
  await expect(items.first().locator('h2 span[lang="en"]')).toHaveText(/^Demand reduction/);
  // Sub-areas too (TA3 has three).
  await expect(items.nth(2).locator('li span[lang="en"]')).toHaveCount(3);
  await page.screenshot({ path: 'test-results/content/fr-areas.png', fullPage: true });
});

test('the Arabic instruments list names English in Arabic, and keeps each English title left to right', async ({ page }) => {
  await page.goto('/ar/instruments');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const note = page.getByTestId('titles-language-note');
  await expect(note).toHaveCount(1);
  await expect(note).toContainText('باللغة الإنكليزية');
  await expect(note).toContainText('العربية');
  const titles = page.getByTestId('instrument').locator('h2 span[lang="en"]');
  await expect(titles).toHaveCount(await page.getByTestId('instrument').count());
  await expect(titles.first()).toHaveAttribute('dir', 'ltr');
  await expect(titles.first()).toHaveText(/^Our joint commitment/);
});

test('the Arabic area page marks its English title and names English in Arabic', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/ar/areas/TA1');
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading.locator('span[lang="en"][dir="ltr"]')).toHaveText(/^Demand reduction/);
  await expect(heading.getByTestId('fallback-note')).toHaveText('باللغة الإنكليزية');
  await page.screenshot({ path: 'test-results/content/ar-area-ta1.png', fullPage: true });
});

test('Chinese pages show the Chinese titles with no note and no language mark', async ({ page }) => {
  await page.goto('/zh/areas/TA1');
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('减少需求及相关措施，包括预防和治疗以及与健康有关的其他问题');
  await expect(heading.locator('[lang]')).toHaveCount(0);
  await expect(heading.getByTestId('fallback-note')).toHaveCount(0);

  for (const path of ['/zh/areas', '/zh']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByTestId('titles-language-note')).toHaveCount(0);
    await expect(page.locator('main h2 span[lang], main h3 span[lang]')).toHaveCount(0);
  }
  await expect(page.getByTestId('thematic-area').first()).toContainText('减少需求及相关措施');
});

test('in a list where only some titles are missing in the page language, only those are marked, and the note says "some"', async ({ page }) => {
  // The tests' synthetic instrument (tests/e2e/server.ts) has an English title only; the real ones have Chinese titles.
  await page.goto('/zh/instruments');
  await expect(page.getByTestId('titles-language-note')).toHaveText('部分标题以英文显示：尚无中文版本。');
  const synthetic = page.getByTestId('instrument').filter({ hasText: 'E2E/1' });
  await expect(synthetic.locator('h2 span[lang="en"]')).toHaveText('End-to-end test instrument (synthetic)');
  const ungass = page.getByTestId('instrument').filter({ hasText: 'A/RES/S-30/1' });
  await expect(ungass.locator('h2')).toHaveText('我们对有效处理和应对世界毒品问题的共同承诺');
  await expect(ungass.locator('[lang]')).toHaveCount(0);
});

test("a UNODC focal point's French worklist marks the organisation's English name and the English area titles", async ({ page }) => {
  await signInThroughApi(page, USERS.focalUnodc);
  await page.goto('/fr/worklist');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  const heading = page.getByTestId('worklist-entity');
  await expect(heading.locator('span[lang="en"]')).toHaveText('United Nations Office on Drugs and Crime');
  await expect(heading.getByTestId('fallback-note')).toHaveText('en anglais');

  // One note above the rows, and each row's area title marked.
  await expect(page.getByTestId('titles-language-note')).toHaveText('Titres affichés en anglais : pas encore importés en français.');
  const rows = page.getByTestId('worklist-row');
  await expect(rows.first()).toBeVisible();
  await expect(rows.locator('span[lang="en"]')).toHaveCount(await rows.count());
  await expect(rows.first().locator('span[lang="en"]')).toHaveText(/\S/);

  // An option cannot hold a span: the area filter's options carry the language themselves.
  const ta1 = page.locator('#filter-area option[value="TA1"]');
  await expect(ta1).toHaveAttribute('lang', 'en');
  await expect(ta1).toHaveText(/^TA1 Demand reduction/);
  await expect(page.locator('#filter-area option[value=""]')).not.toHaveAttribute('lang', /./);
});
