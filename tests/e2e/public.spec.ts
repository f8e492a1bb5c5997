import { expect, test } from '@playwright/test';

test('the English home page lists the seven thematic areas with their sub-areas', async ({ page }) => {
  const response = await page.goto('/en');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const areas = page.getByTestId('thematic-area');
  await expect(areas).toHaveCount(7);
  await expect(areas.first()).toContainText('Demand reduction and related measures');
  await expect(page.getByText('Prevention of drug-related crime')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the Chinese home page shows the Chinese titles of the areas and sub-areas', async ({ page }) => {
  await page.goto('/zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh');
  await expect(page.getByRole('heading', { level: 2, name: '七个专题领域' })).toBeVisible();
  await expect(page.getByText('减少需求及相关措施，包括预防和治疗以及与健康有关的其他问题')).toBeVisible();
  await expect(page.getByText('根据共同和分担的责任原则加强国际合作')).toBeVisible();
  await expect(page.getByText('预防涉毒犯罪')).toBeVisible();
  await expect(page.getByText('Demand reduction')).toHaveCount(0);
});

test('the root address sends the reader to a language', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/(en|zh)$/);
});

test('an unknown page is a localized 404', async ({ page }) => {
  const response = await page.goto('/zh/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '未找到页面' })).toBeVisible();
});

test('the workspace asks anonymous visitors to sign in', async ({ page }) => {
  await page.goto('/en/entities/NGA');
  // The page asked for comes back after signing in.
  await expect(page).toHaveURL(/\/en\/sign-in\?callbackUrl=%2Fen%2Fentities%2FNGA$/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('search shows its results twenty at a time, and the next page goes on where the first stopped', async ({ page }) => {
  await page.goto('/en/search?q=%E6%AF%92%E5%93%81');
  const hits = page.getByTestId('paragraph-hit');
  await expect(hits).toHaveCount(20);
  const first = await hits.allTextContents();
  await expect(page.getByTestId('search-pages')).toContainText('Page 1 of');
  await page.getByTestId('search-next').click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId('search-pages')).toContainText('Page 2 of');
  const second = await page.getByTestId('paragraph-hit').allTextContents();
  expect(second.length).toBeGreaterThan(0);
  expect(second.filter((text) => first.includes(text))).toEqual([]);
});

test('search marks the matches, and says which languages the documents are in when words of another script find nothing', async ({ page }) => {
  await page.goto('/en/search?q=%E6%AF%92%E5%93%81');
  const firstHit = page.getByTestId('paragraph-hit').first();
  await expect(firstHit.locator('mark').first()).toHaveText('毒品');
  await expect(page.getByTestId('search-other-language')).toHaveCount(0);

  // No imported document is in Cyrillic: the note names the languages they are in, in Chinese words.
  await page.goto(`/zh/search?q=${encodeURIComponent('профилактика')}`);
  const note = page.getByTestId('search-other-language');
  await expect(note).toBeVisible();
  await expect(note).toContainText('中文');
  await expect(note).toContainText('“профилактика”');
});
