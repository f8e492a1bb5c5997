// WCAG 2.2 AA on the main pages, in English, Chinese and Arabic (right to left): axe finds no
// serious or critical violation; the skip link is the first thing Tab reaches and moves the focus
// to the main content; what Tab focuses shows it; nothing scrolls sideways on a 320 px wide screen
// or at 200% zoom; charts come with their numbers in a table; a field's error is tied to it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { USERS, type E2EUser } from './fixtures';
import { e2eQuery, signInThroughApi } from './helpers';

const fixture = (path: string) => readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url)), 'utf8');

const LOCALES = ['en', 'zh', 'ar'] as const;
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const DESKTOP = { width: 1280, height: 800 };

// Axe runs three times a page (1280, 640 and 320 px wide), on a machine the other tests share.
test.describe.configure({ timeout: 120_000 });

/** What the pages' addresses need from the database: the open cycle and a synthetic commitment. */
type Keys = { cycle: string; commitment: string; submitted: string };

type MainPage = { name: string; user: E2EUser | null; path: (keys: Keys) => string };

// The focal point's pages are Ghana's (a user no other test uses); staff pages the secretariat's.
// The report form is of 1(c), which Ghana never saves; 1(a) is submitted below, to be reviewed.
const PAGES: MainPage[] = [
  { name: 'home', user: null, path: () => '' },
  { name: 'thematic area', user: null, path: () => '/areas/TA1' },
  { name: 'summary', user: USERS.secretariat, path: ({ cycle }) => `/areas/TA1/summary?cycle=${cycle}` },
  { name: 'commitment', user: USERS.secretariat, path: ({ commitment }) => `/commitments/${commitment}` },
  { name: 'document reader', user: null, path: () => '/documents/a-74-129/zh' },
  { name: 'worklist', user: USERS.focalGha, path: () => '/worklist' },
  { name: 'report form', user: USERS.focalGha, path: ({ cycle, commitment }) => `/reports/${cycle}/GHA/${commitment}` },
  { name: 'review queue', user: USERS.secretariat, path: () => '/reviews' },
  { name: 'sign-in', user: null, path: () => '/sign-in' },
  { name: 'document import', user: USERS.secretariat, path: () => '/documents/import' },
  { name: 'catalogue import', user: USERS.secretariat, path: () => '/catalogue/import' },
  { name: 'worklist upload', user: USERS.focalGha, path: () => '/worklist/upload' },
];

let keys: Keys;
test.beforeAll(async () => {
  const cycle = await e2eQuery(`SELECT "code" FROM "ReportingCycle" WHERE "state" = 'OPEN' ORDER BY "opensAt" DESC LIMIT 1`);
  const commitments = await e2eQuery(
    `SELECT c."reference", c."id" FROM "Commitment" c JOIN "Instrument" i ON i."id" = c."instrumentId" WHERE i."code" = 'E2E'`,
  );
  const id = (reference: string) => commitments.rows.find((row) => row.reference === reference)!.id as string;
  keys = { cycle: cycle.rows[0].code, commitment: id('1(c)'), submitted: id('1(a)') };
});

/** Opens a page in a locale, and makes sure it is that locale's page (not a redirect to English). */
async function open(page: Page, locale: string, path: string) {
  const response = await page.goto(`/${locale}${path}`);
  expect(response?.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  // Forms are enabled once their script runs: check what a reader meets, not the page half-loaded.
  await page.waitForLoadState('networkidle');
}

/** Serious and critical violations of WCAG 2.2 A and AA, each with its rule, elements and help. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations, passes } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(passes.length, 'axe checked nothing').toBeGreaterThan(10);
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes
      .map((node) => `    ${node.target.join(' ')}\n      ${node.failureSummary?.replace(/\n/g, '\n      ')}`).join('\n')}`);
}

/** Whether the page is wider than the window, and whether the page clips what is wider instead. */
async function sidewaysScroll(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const clipped = ['hidden', 'clip'].includes(getComputedStyle(document.body).overflowX) || ['hidden', 'clip'].includes(getComputedStyle(root).overflowX);
    // The elements that stick out, to name them in a failure.
    const wide = [...document.body.querySelectorAll<HTMLElement>('*')]
      .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 1 || element.getBoundingClientRect().left < -1)
      .filter((element) => element.checkVisibility())
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].slice(0, 4).join('.')}`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, clipped, wide };
  });
}

/**
 * Nothing scrolls sideways on a 320 px wide screen (WCAG 1.4.10, reflow), nor at 200% zoom of a
 * 1280 x 800 window (1.4.4). Browser zoom lays the page out in a window of half the CSS pixels
 * (640 x 400), media queries included: a viewport of that size is the same layout. CSS `zoom` on
 * the body is not: it scales the page inside an unchanged 1280 px viewport, so no breakpoint moves
 * and a page too wide for a zoomed window would pass. Tables may scroll inside their own box.
 */
async function expectReflows(page: Page) {
  for (const viewport of [{ width: 320, height: 640 }, { width: 640, height: 400 }]) {
    await page.setViewportSize(viewport);
    // Narrow layouts differ (a menu instead of the header's row, tables that scroll): check them too.
    expect(await seriousViolations(page), `serious or critical axe violations at ${viewport.width} px`).toEqual([]);
    const scroll = await sidewaysScroll(page);
    expect(scroll.clipped, 'the page hides what is too wide instead of reflowing it').toBe(false);
    expect(scroll.scrollWidth, `scrolls sideways at ${viewport.width} px: ${scroll.wide.join(', ')}`).toBeLessThanOrEqual(scroll.clientWidth);
  }
  await page.setViewportSize(DESKTOP);
}

/** The focused element's focus indicator: an outline or a box shadow, on something of a size. */
async function focusIndicator(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
      element: element.outerHTML.slice(0, 120),
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
      shadow: style.boxShadow !== 'none',
      sized: box.width > 0 && box.height > 0,
      // A box that scrolls cuts off whatever is drawn outside it: the ring must fit inside it.
      clippedBy: (() => {
        const ring = Math.max(0, parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset)) - 1;
        for (let box2 = element.parentElement; box2; box2 = box2.parentElement) {
          const boxStyle = getComputedStyle(box2);
          if (boxStyle.overflowX === 'visible' && boxStyle.overflowY === 'visible') continue;
          const outer = box2.getBoundingClientRect();
          const [left, top] = [outer.left + box2.clientLeft, outer.top + box2.clientTop];
          const cut = box.left - ring < left || box.right + ring > left + box2.clientWidth || box.top - ring < top || box.bottom + ring > top + box2.clientHeight;
          if (cut) return `${box2.tagName.toLowerCase()}.${[...box2.classList].join('.')}`;
        }
        return null;
      })(),
      // WCAG 2.4.11: nothing (a sticky header, a banner) covers what has the focus.
      covered: (() => {
        const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
        if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) return false;
        const hit = document.elementFromPoint(x, y);
        return Boolean(hit && !element.contains(hit) && !hit.contains(element) && !(hit instanceof HTMLLabelElement && hit.control === element));
      })(),
    };
  });
}

/** The next `stops` elements Tab reaches each show, uncut and uncovered, that they have the focus. */
async function expectFocusShows(page: Page, stops: number) {
  for (let step = 0; step < stops; step += 1) {
    await page.keyboard.press('Tab');
    const indicator = await focusIndicator(page);
    if (!indicator) return;
    expect.soft(indicator.sized, `focused but not seen: ${indicator.element}`).toBe(true);
    expect.soft(indicator.outline || indicator.shadow, `no visible focus: ${indicator.element}`).toBe(true);
    expect.soft(indicator.covered, `the focus is covered: ${indicator.element}`).toBe(false);
    expect.soft(indicator.clippedBy, `the focus ring is cut off: ${indicator.element}`).toBeNull();
  }
}

for (const locale of LOCALES) {
  test.describe(`in ${locale}`, () => {
    for (const mainPage of PAGES) {
      test(`the ${mainPage.name} page meets WCAG 2.2 AA`, async ({ page }) => {
        await page.setViewportSize(DESKTOP);
        if (mainPage.user) await signInThroughApi(page, mainPage.user);
        await open(page, locale, mainPage.path(keys));

        expect(await seriousViolations(page), 'serious or critical axe violations').toEqual([]);

        // The skip link is the first thing Tab reaches, and it shows; what Tab reaches next (the
        // header, the workspace's tabs) shows that it has the focus.
        await page.keyboard.press('Tab');
        const skip = page.locator('a[href="#main"]');
        await expect(skip).toBeFocused();
        await expect(skip).toBeInViewport();
        await expectFocusShows(page, 40);

        // The skip link moves the focus to the main content, and Tab goes on from there.
        await open(page, locale, mainPage.path(keys));
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await expect(page.locator('main#main')).toBeFocused();
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.querySelector('main#main')!.contains(document.activeElement))).toBe(true);
        await expectFocusShows(page, 40);

        await expectReflows(page);
      });
    }
  });
}

/** A page in a state it reaches after something was done in it: no violation, and it reflows. */
async function expectAccessible(page: Page) {
  expect(await seriousViolations(page), 'serious or critical axe violations').toEqual([]);
  await expectReflows(page);
}

/** Every chart is a figure with a caption, and its numbers stand in a table in it or beside it. */
async function expectChartsWithTables(page: Page) {
  const charts = page.locator('main svg:not([aria-hidden="true"])');
  expect(await charts.count(), 'no chart on the page').toBeGreaterThan(0);
  for (const chart of await charts.all()) {
    await expect(chart).toHaveAttribute('role', 'img');
    await expect(chart).toHaveAccessibleName(/.+/);
    const figure = chart.locator('xpath=ancestor::figure[1]');
    await expect(figure.locator('figcaption')).not.toBeEmpty();
    await expect(figure.locator('xpath=(self::*|..)//table//th').first()).toBeVisible();
  }
}

test("the summary's charts are figures with their numbers in tables; bars without numbers beside them say them", async ({ page }) => {
  await signInThroughApi(page, USERS.secretariat);
  await open(page, 'en', `/areas/TA1/summary?cycle=${keys.cycle}`);
  await expectChartsWithTables(page);
  // A stacked bar is hidden from screen readers only in a table of its numbers.
  for (const bar of await page.locator('main [aria-hidden="true"]:has(> [style*="width"])').all()) {
    await expect(bar.locator('xpath=ancestor::table[1]//td').first()).toBeVisible();
  }
});

for (const locale of LOCALES) {
  test.describe(`the import screens' previews in ${locale}`, () => {
    test("the document import's dry run", async ({ page }) => {
      await signInThroughApi(page, USERS.secretariat);
      await open(page, locale, '/documents/import');
      await page.locator('#symbol').fill(`X/A11Y/${locale}`);
      await page.locator('#language').selectOption('en');
      await page.locator('#text').fill(fixture('reports/report.en.txt'));
      await page.locator('form button[type=submit]').click();
      await expect(page.getByTestId('document-preview')).toBeVisible();
      await expectAccessible(page);
    });

    test('the document import refuses a text in words tied to the field', async ({ page }) => {
      await signInThroughApi(page, USERS.secretariat);
      await open(page, locale, '/documents/import');
      await page.locator('#symbol').fill(`X/A11Y/BAD/${locale}`);
      await page.locator('#text').fill('Some invented prose without any numbered paragraph at all.');
      await page.locator('form button[type=submit]').click();
      await expect(page.getByTestId('form-error').or(page.locator('#text-error'))).toBeVisible();
      // Whichever field was refused points to its message.
      for (const field of await page.locator('[aria-invalid="true"]').all()) {
        const described = (await field.getAttribute('aria-describedby')) ?? '';
        expect(described, 'an invalid field without its message').not.toBe('');
        for (const id of described.split(' ')) await expect(page.locator(`[id="${id}"]`)).toHaveCount(1);
      }
      await expectAccessible(page);
    });

    test("the catalogue import's preview", async ({ page }) => {
      await signInThroughApi(page, USERS.secretariat);
      await open(page, locale, '/catalogue/import?instrument=JMS2014');
      await page.locator('#language').selectOption('en');
      await page.locator('#text').fill(fixture('instruments/outcome-document.en.txt'));
      await page.locator('form button[type=submit]').first().click();
      await expect(page.getByTestId('import-preview')).toBeVisible();
      await expectAccessible(page);
    });

    test("the worklist upload's preview, with a change and a refused row", async ({ page }) => {
      await signInThroughApi(page, USERS.focalGha);
      // Filled in offline (here with exceljs): a status for 1(b), and one that does not exist for 1(c).
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await (await page.request.get('/api/worklist/xlsx?lang=en')).body()) as unknown as ExcelJS.Buffer);
      const sheet = workbook.worksheets[0]!;
      const headers = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? ''));
      sheet.eachRow((row) => {
        const commitment = String(row.getCell(headers.indexOf('Commitment')).value ?? '');
        if (commitment.startsWith('[E2E] Synthetic commitment b')) row.getCell(headers.indexOf('Status')).value = 'Fully implemented';
        if (commitment.startsWith('[E2E] Synthetic commitment c')) row.getCell(headers.indexOf('Status')).value = 'Invented status';
      });
      await open(page, locale, '/worklist/upload');
      await page.locator('#worklist-file').setInputFiles({
        name: 'worklist-GHA.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
      });
      await page.locator('form button[type=submit]').first().click();
      const preview = page.getByTestId('upload-preview');
      await expect(preview.getByTestId('preview-change')).toHaveCount(1);
      await expect(preview.getByTestId('preview-problem')).toHaveCount(1);
      await expectAccessible(page);
    });
  });
}

test.describe('a report refused, submitted and reviewed', () => {
  test.describe.configure({ mode: 'serial' });

  test('a date the server refuses is said beside the field, which points to it; then the report is submitted', async ({ page }) => {
    await signInThroughApi(page, USERS.focalGha);
    await open(page, 'en', `/reports/${keys.cycle}/GHA/${keys.submitted}`);
    // 31 February is no date: the server refuses it before anything is saved.
    const asOf = page.getByRole('group', { name: 'As of', exact: true });
    const day = asOf.getByLabel('Day');
    await day.fill('31');
    await asOf.getByLabel('Month').selectOption('2');
    await asOf.getByLabel('Year').fill('2026');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(day).toHaveAttribute('aria-invalid', 'true');
    // The focus is put on the first field refused.
    await expect(day).toBeFocused();
    const message = page.locator('#report-as-of-error');
    await expect(message).not.toBeEmpty();
    const words = (await message.textContent())!;
    await expect(day).toHaveAccessibleDescription(new RegExp(words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    expect(await seriousViolations(page)).toEqual([]);
    await expect(page.getByTestId('state-badge').first()).toHaveText('Not reported');

    // With changes not saved, leaving the page asks first; the skip link does not leave it.
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.locator('a[href="#main"]').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main')).toBeFocused();
    expect(asked).toEqual([]);

    await day.fill('28');
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'In progress' });
    await page.getByLabel('Narrative', { exact: true }).fill('[E2E] Submitted for the accessibility checks of the review.');
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect(page.getByTestId('state-badge').first()).toHaveText('Submitted');
  });

  for (const locale of LOCALES) {
    test(`the secretariat's review of it and the queue that lists it, in ${locale}`, async ({ page }) => {
      await signInThroughApi(page, USERS.secretariat);
      await open(page, locale, `/reviews?entity=GHA`);
      await expect(page.getByTestId('review-row')).not.toHaveCount(0);
      await page.getByTestId('review-row').first().getByRole('checkbox').check();
      await expectAccessible(page);

      await open(page, locale, `/reports/${keys.cycle}/GHA/${keys.submitted}`);
      const form = page.getByTestId('review-form');
      await expect(form.locator('button[value=return]')).toBeEnabled();
      await expectChartsWithTables(page);
      await expectAccessible(page);
      // Returned without a comment: refused, and the comment field points to why.
      await form.locator('button[value=return]').click();
      await expect(page.locator('#review-comment-error')).toBeVisible();
      await expect(page.locator('#review-comment')).toHaveAttribute('aria-invalid', 'true');
      await expect(page.locator('#review-comment')).toHaveAttribute('aria-describedby', /\breview-comment-error\b/);
      await expectAccessible(page);
    });
  }
});
