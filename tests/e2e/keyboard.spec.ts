// The reporting flows with the keyboard alone: Kenya's focal point opens two reports from the
// worklist, records a status, a date and a narrative, and submits them; the secretariat returns
// one with a comment and accepts the other. Nothing is clicked or filled: pages are opened by
// address, and every control is reached with Tab or Shift+Tab and worked with keys. Locators
// only check where the focus is and what the page shows.
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { USERS, type E2EUser } from './fixtures';
import { signInThroughApi } from './helpers';

// Serial, and with time for some hundreds of key presses, each checked, on a busy machine.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

// Enough to cross the longest of these pages; more means the focus is stuck or never gets there.
const MAX_TABS = 200;

async function pageFor(browser: Browser, user: E2EUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInThroughApi(page, user);
  return page;
}

const isFocused = (target: Locator) => target.evaluate((element) => element === document.activeElement);

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails if it never does. */
async function tabTo(page: Page, target: Locator, { backwards = false } = {}) {
  await expect(target).toBeVisible();
  const seen: string[] = [];
  for (let presses = 0; presses < MAX_TABS; presses += 1) {
    if (await isFocused(target)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    seen.push(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? 'nothing'));
  }
  throw new Error(`Tab never reached ${target}; the focus went through:\n${seen.slice(-15).join('\n')}`);
}

/** Moves a focused <select> with the arrow keys until it shows `value`. */
async function arrowTo(page: Page, select: Locator, value: string) {
  const values = await select.locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  const from = values.indexOf(await select.inputValue());
  const to = values.indexOf(value);
  expect(to, `no option ${value}`).toBeGreaterThanOrEqual(0);
  for (let step = 0; step < Math.abs(to - from); step += 1) await page.keyboard.press(to > from ? 'ArrowDown' : 'ArrowUp');
  await expect(select).toHaveValue(value);
}

const reportUrls: Record<string, string> = {};

for (const [letter, status, narrative] of [
  ['a', 'IN_PROGRESS', '[E2E] Typed without a mouse: the first stage has started.'],
  ['b', 'FULLY_IMPLEMENTED', '[E2E] Typed without a mouse: done in full.'],
] as const) {
  test(`the focal point records and submits 1(${letter}) with the keyboard alone`, async ({ browser }) => {
    const page = await pageFor(browser, USERS.focalKen);
    await page.goto('/en/worklist');
    await expect(page.getByTestId('worklist-entity')).toHaveText('Kenya');
    const row = page.getByTestId('worklist-row').filter({ hasText: `[E2E] Synthetic commitment ${letter}` });
    await tabTo(page, row.getByRole('link', { name: `1(${letter})` }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/en\/reports\/[^/]+\/KEN\//);
    reportUrls[letter] = new URL(page.url()).pathname;
    await expect(page.getByTestId('state-badge').first()).toHaveText('Not reported');
    // The buttons are enabled once the form's script runs.
    await expect(page.getByRole('button', { name: 'Submit for review' })).toBeEnabled();

    const statusField = page.getByLabel('Status', { exact: true });
    await tabTo(page, statusField);
    await arrowTo(page, statusField, 'NOT_STARTED');

    const asOf = page.getByRole('group', { name: 'As of', exact: true });
    await tabTo(page, asOf.getByLabel('Day'));
    await page.keyboard.type('30');
    await tabTo(page, asOf.getByLabel('Month'));
    await arrowTo(page, asOf.getByLabel('Month'), '6');
    await tabTo(page, asOf.getByLabel('Year'));
    await page.keyboard.type('2026');

    const narrativeField = page.getByLabel('Narrative', { exact: true });
    await tabTo(page, narrativeField);
    await page.keyboard.type(narrative);
    await expect(narrativeField).toHaveValue(narrative);
    // Second thoughts: back to the status with Shift+Tab, to change it.
    await tabTo(page, statusField, { backwards: true });
    await arrowTo(page, statusField, status);

    await tabTo(page, page.getByRole('button', { name: 'Submit for review' }));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('state-badge').first()).toHaveText('Submitted');
    await expect(page.getByTestId('report-narrative')).toHaveText(narrative);
    await expect(page.getByRole('button', { name: 'Withdraw the submission' })).toBeVisible();
  });
}

test('the secretariat returns 1(a) with a comment, with the keyboard alone', async ({ browser }) => {
  const page = await pageFor(browser, USERS.secretariat);
  await page.goto('/en/reviews?entity=KEN');
  const row = page.getByTestId('review-row').filter({ hasText: 'Kenya' }).filter({ hasText: '1(a)' });
  await expect(row).toHaveCount(1);
  await tabTo(page, row.getByRole('link', { name: 'Kenya' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${reportUrls.a!.replace(/[()]/g, '\\$&')}$`));
  const returnButton = page.getByRole('button', { name: 'Return for revision' });
  await expect(returnButton).toBeEnabled();

  // Returning without a comment is refused in words; the focus goes to the comment field, which points to them.
  await tabTo(page, returnButton);
  await page.keyboard.press('Enter');
  const comment = page.getByLabel('Comment', { exact: true });
  await expect(page.getByText('Say what should be revised.', { exact: true })).toBeVisible();
  await expect(comment).toHaveAttribute('aria-invalid', 'true');
  await expect(comment).toHaveAccessibleDescription(/Say what should be revised\./);

  await expect(comment).toBeFocused();
  await page.keyboard.type('[E2E] Please say when the first stage started.');
  await tabTo(page, returnButton);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('state-badge').first()).toHaveText('Returned');
  await expect(page.getByTestId('returned-comment')).toContainText('[E2E] Please say when the first stage started.');
});

test('the secretariat accepts 1(b) with the keyboard alone, and the focal point sees both outcomes', async ({ browser }) => {
  const page = await pageFor(browser, USERS.secretariat);
  await page.goto('/en/reviews?entity=KEN');
  const row = page.getByTestId('review-row').filter({ hasText: 'Kenya' }).filter({ hasText: '1(b)' });
  await tabTo(page, row.getByRole('link', { name: 'Kenya' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${reportUrls.b!.replace(/[()]/g, '\\$&')}$`));
  const accept = page.getByRole('button', { name: 'Accept' });
  await expect(accept).toBeEnabled();
  await tabTo(page, accept);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('state-badge').first()).toHaveText('Accepted');
  await expect(page.getByTestId('timeline-event')).toHaveText([/^Submitted · Fully implemented/, /^Accepted · Fully implemented/]);

  const focal = await pageFor(browser, USERS.focalKen);
  await focal.goto('/en/worklist?state=RETURNED');
  await expect(focal.getByTestId('worklist-row').filter({ hasText: '[E2E] Synthetic commitment a' }).getByTestId('worklist-comment'))
    .toContainText('[E2E] Please say when the first stage started.');
  await focal.goto('/en/worklist?state=ACCEPTED');
  await expect(focal.getByTestId('worklist-row').filter({ hasText: '[E2E] Synthetic commitment b' })).toHaveCount(1);
});
