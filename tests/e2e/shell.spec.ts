// The application's shell: a header of one row on a desktop and a menu on a phone, workspace tabs
// that say when they scroll, the thematic areas' own index, where signing out lands, not-found
// pages with a title of their own, the icon, and the six languages: the menu, the browser's
// preferred one on a first visit, and a signed-in reader's own.
import { expect, test, type Page } from '@playwright/test';
import { USERS, type E2EUser } from './fixtures';
import { e2eQuery, signInThroughApi } from './helpers';

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

/** The vertical centres of everything the header shows, and its height. */
async function headerRows(page: Page) {
  return page.getByTestId('site-header').evaluate((header) => {
    const visible = [...header.querySelectorAll<HTMLElement>('a, button, summary')].filter((element) => element.checkVisibility());
    const centres = visible.map((element) => {
      const box = element.getBoundingClientRect();
      return Math.round(box.top + box.height / 2);
    });
    return { height: header.getBoundingClientRect().height, count: visible.length, spread: Math.max(...centres) - Math.min(...centres) };
  });
}

test.describe('on a desktop (1366 px)', () => {
  test.use({ viewport: DESKTOP });

  const who: [string, E2EUser | null][] = [['anonymous', null], ['admin', USERS.admin], ['secretariat', USERS.secretariat], ['focal point', USERS.focalMex]];
  for (const [name, user] of who) {
    test(`the header is one row for ${name}, in each of the six languages`, async ({ page }) => {
      if (user) await signInThroughApi(page, user);
      for (const locale of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) {
        await page.goto(`/${locale}/areas`);
        const { height, count, spread } = await headerRows(page);
        // The brand, six sections, a language, and the sign-in link or three items of the signed in.
        expect(count).toBeGreaterThanOrEqual(user ? 11 : 9);
        expect(spread, `${locale}: items on more than one row`).toBeLessThanOrEqual(4);
        expect(height).toBeLessThanOrEqual(56);
        // The brand is whole, not cut short.
        expect(await page.getByTestId('brand').evaluate((brand) => brand.scrollWidth <= brand.clientWidth), `${locale}: the name is cut short`).toBe(true);
        if (user) await expect(page.getByTestId('signed-in-as')).toContainText(user.name);
      }
    });
  }

  test('the account menu holds the account’s links, and closes with Escape', async ({ page }) => {
    await signInThroughApi(page, USERS.secretariat);
    await page.goto('/en/dashboard');
    const menu = page.getByTestId('account-menu');
    await expect(menu.getByRole('button', { name: 'Sign out' })).toBeHidden();
    await menu.locator('summary').click();
    await expect(menu.getByText(USERS.secretariat.email)).toBeVisible();
    await expect(menu.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(menu.getByRole('button', { name: 'Sign out' })).toBeHidden();
  });
});

test.describe('on a phone (390 px)', () => {
  test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

  test('the header and the tabs take little height, and the tabs show that they scroll', async ({ page }) => {
    await signInThroughApi(page, USERS.admin);
    await page.goto('/en/dashboard');
    const main = await page.locator('main').boundingBox();
    expect(main!.y).toBeLessThanOrEqual(120);
    expect((await headerRows(page)).spread).toBeLessThanOrEqual(4);
    const tabs = page.getByTestId('app-nav');
    await expect(page.getByTestId('app-nav-more-end')).toBeVisible();
    await expect(page.getByTestId('app-nav-more-start')).toHaveCount(0);
    await tabs.evaluate((list) => list.scrollTo({ left: list.scrollWidth }));
    await expect(page.getByTestId('app-nav-more-start')).toBeVisible();
    await expect(page.getByTestId('app-nav-more-end')).toHaveCount(0);
    // The current tab is brought into view.
    await page.goto('/en/outbox');
    const current = await tabs.getByRole('link', { name: 'Outbox' }).boundingBox();
    expect(current!.x).toBeGreaterThanOrEqual(0);
    expect(current!.x + current!.width).toBeLessThanOrEqual(PHONE.width);
  });

  test('the menu opens, leads to a section, and closes', async ({ page }) => {
    await signInThroughApi(page, USERS.focalMex);
    await page.goto('/en/dashboard');
    const menu = page.getByTestId('site-menu');
    await expect(page.getByRole('link', { name: 'Summaries' })).toBeHidden();
    await menu.locator('summary').click();
    await expect(menu.getByRole('link', { name: 'Workspace' })).toBeVisible();
    await expect(menu.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await menu.getByRole('link', { name: 'Thematic areas' }).click();
    await expect(page).toHaveURL(/\/en\/areas$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Thematic areas' })).toBeVisible();
    await expect(menu).not.toHaveAttribute('open');
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('the menu opens all the same', async ({ page }) => {
      await page.goto('/zh/areas');
      await page.getByTestId('site-menu').locator('summary').click();
      await expect(page.getByTestId('site-menu').getByRole('link', { name: '摘要' })).toBeVisible();
      await expect(page.getByTestId('site-menu').getByRole('link', { name: '登录' })).toBeVisible();
    });
  });
});

test('the thematic areas have an index of their own, which the header and the workspace lead to', async ({ page }) => {
  await page.goto('/en/instruments');
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Thematic areas' }).click();
  await expect(page).toHaveURL(/\/en\/areas$/);
  await expect(page).toHaveTitle('Thematic areas · Drug Policy Commitments Tracker');
  const areas = page.getByTestId('area-index-item');
  await expect(areas).toHaveCount(7);
  await expect(areas.first().getByRole('link', { name: 'Commitments and evidence' })).toHaveAttribute('href', '/en/areas/TA1');
  await expect(areas.first().getByRole('link', { name: 'Progress summary' })).toHaveAttribute('href', '/en/areas/TA1/summary');
  await expect(areas.nth(2).getByRole('link', { name: /^TA3\.1 / })).toHaveAttribute('href', '/en/areas/TA3.1');

  await signInThroughApi(page, USERS.focalMex);
  await page.goto('/zh/dashboard');
  await page.getByTestId('app-nav').getByRole('link', { name: '专题领域' }).click();
  await expect(page).toHaveURL(/\/zh\/areas$/);
  await expect(page.getByRole('heading', { level: 1, name: '专题领域' })).toBeVisible();
  await expect(page.getByTestId('area-index-item')).toHaveCount(7);
});

test('signing out lands on a page that says so, with the way back in', async ({ page }) => {
  await signInThroughApi(page, USERS.leavingShell);
  await page.goto('/en/areas');
  await page.getByTestId('account-menu').locator('summary').click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/en\/sign-out$/);
  await expect(page.getByRole('heading', { level: 1, name: 'You have signed out' })).toBeVisible();
  await expect(page).toHaveTitle('You have signed out · Drug Policy Commitments Tracker');
  await expect(page.getByRole('main').getByRole('link', { name: 'Sign in again' })).toHaveAttribute('href', '/en/sign-in');
  await expect(page.getByRole('main').getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/en');
  expect((await (await page.request.get('/api/auth/session')).json()).user).toBeUndefined();
  // The header is an anonymous reader's again.
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
  await page.goto('/zh/sign-out');
  await expect(page.getByRole('heading', { level: 1, name: '您已退出登录' })).toBeVisible();
});

test('a page not found has a title of its own, whatever page it replaces', async ({ page }) => {
  await signInThroughApi(page, USERS.focalMex);
  const other = await page.goto('/en/entities/NGA');
  expect(other?.status()).toBe(404);
  await expect(page).toHaveTitle('Page not found · Drug Policy Commitments Tracker');
  const unknown = await page.goto('/zh/no/such/page');
  expect(unknown?.status()).toBe(404);
  await expect(page).toHaveTitle('未找到页面 · 禁毒政策承诺履行跟踪系统');
});

test('the icon answers at /favicon.ico and is named in every page', async ({ page, request }) => {
  const favicon = await request.get('/favicon.ico', { maxRedirects: 0 });
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()['content-type']).toBe('image/x-icon');
  expect((await favicon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
  await page.goto('/en');
  await expect(page.locator('head link[rel="icon"]')).toHaveAttribute('href', '/favicon.ico');
});

test('every page is offered in the six UN languages, and a regional form of one leads to it', async ({ page }) => {
  for (const locale of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) {
    const response = await page.goto(`/${locale}/instruments`);
    expect(response?.status(), locale).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
  }
  await page.goto('/fr-CA/instruments?x=1');
  await expect(page).toHaveURL(/\/fr\/instruments\?x=1$/);
  await page.goto('/ES');
  await expect(page).toHaveURL(/\/es$/);
  expect((await page.goto('/de/instruments'))?.status()).toBe(404);
});

test.describe('a first visit', () => {
  for (const [preferred, locale] of [['fr-FR', 'fr'], ['ar-EG', 'ar'], ['ru', 'ru'], ['de-DE', 'en']] as const) {
    test(`opens in the browser’s preferred language (${preferred})`, async ({ browser }) => {
      const context = await browser.newContext({ locale: preferred });
      const page = await context.newPage();
      await page.goto('/');
      await expect(page).toHaveURL(new RegExp(`/${locale}$`));
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await context.close();
    });
  }
});

test.describe('the language menu (1366 px)', () => {
  test.use({ viewport: DESKTOP });

  test('leads to the same page and query in another language, labelled in its own', async ({ page }) => {
    await page.goto('/en/search?q=drug&language=zh&language=en');
    const menu = page.getByTestId('language-menu');
    await menu.locator('summary').click();
    const languages = menu.getByRole('navigation', { name: 'Language' }).getByRole('link');
    await expect(languages).toHaveText(['العربية', '中文', 'English', 'Français', 'Русский', 'Español']);
    await expect(languages.nth(2)).toHaveAttribute('aria-current', 'true');
    await languages.nth(3).click();
    await expect(page).toHaveURL(/\/fr\/search\?q=drug&language=zh&language=en$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByTestId('language-menu').locator('summary')).toContainText('Français');
    // The choice is remembered for an address without a language.
    await page.goto('/');
    await expect(page).toHaveURL(/\/fr$/);
  });

  test('remembers a signed-in reader’s choice in the profile, and the next sign-in opens in it', async ({ page }) => {
    const { polyglot } = USERS;
    await e2eQuery('UPDATE "User" SET locale = $1 WHERE email = $2', ['en', polyglot.email]);
    await signInThroughApi(page, polyglot);
    await page.goto('/en/dashboard');
    await page.getByTestId('language-menu').locator('summary').click();
    await page.getByTestId('language-menu').getByRole('link', { name: 'Español' }).click();
    await expect(page).toHaveURL(/\/es\/dashboard$/);
    await expect.poll(async () => (await e2eQuery('SELECT locale FROM "User" WHERE email = $1', [polyglot.email])).rows[0]?.locale).toBe('es');

    await page.context().clearCookies();
    await page.goto('/en/sign-in');
    await page.getByLabel('E-mail address').fill(polyglot.email);
    await page.getByLabel('Password').fill(polyglot.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/es\/dashboard$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  });
});

test.describe('the overview’s counts lead to the lists behind them', () => {
  test('a focal point’s reports by state, and its proposals', async ({ page }) => {
    await signInThroughApi(page, USERS.focalBra);
    await page.goto('/en/dashboard');
    const states = page.getByTestId('dashboard-states').getByTestId('dashboard-count');
    await expect(states).toHaveCount(5);
    for (const [index, state] of ['NOT_REPORTED', 'DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED'].entries()) {
      await expect(states.nth(index)).toHaveAttribute('href', `/en/worklist?state=${state}`);
    }
    await expect(states.nth(1)).toHaveText(/^0\s*Draft$/);
    await states.nth(0).click();
    await expect(page).toHaveURL(/\/en\/worklist\?state=NOT_REPORTED$/);
    await expect(page.getByTestId('worklist-entity')).toHaveText('Brazil');
    const rows = page.getByTestId('worklist-row');
    await expect(rows.first()).toBeVisible();
    expect(new Set(await rows.evaluateAll((list) => list.map((row) => row.getAttribute('data-state'))))).toEqual(new Set(['NOT_REPORTED']));

    await page.goto('/en/dashboard');
    const proposals = page.getByTestId('dashboard-proposal-counts').getByTestId('dashboard-count');
    await expect(proposals).toHaveText(/^0\s*proposals awaiting review$/);
    await proposals.click();
    await expect(page).toHaveURL(/\/en\/dashboard\/evidence$/);
    await expect(page.getByTestId('pending-empty')).toBeVisible();
  });

  test('the secretariat’s submissions and evidence awaiting review', async ({ page }) => {
    await signInThroughApi(page, USERS.secretariat);
    await page.goto('/en/dashboard');
    const counts = page.getByTestId('dashboard-review-counts').getByTestId('dashboard-count');
    const submitted = counts.first();
    await expect(submitted).toHaveAttribute('href', /^\/en\/reviews\?cycle=[^&]+&state=SUBMITTED$/);
    await submitted.click();
    await expect(page).toHaveURL(/\/en\/reviews\?cycle=[^&]+&state=SUBMITTED$/);
    await expect(page.getByLabel('State')).toHaveValue('SUBMITTED');

    await page.goto('/zh/dashboard');
    await page.getByTestId('dashboard-review-counts').locator('[data-key=proposals]').click();
    await expect(page).toHaveURL(/\/zh\/dashboard\/evidence#proposals-heading$/);
    await expect(page.getByRole('heading', { level: 1, name: '等待审核的证据' })).toBeVisible();
  });

  test('an administrator’s accounts and cycles', async ({ page }) => {
    await signInThroughApi(page, USERS.admin);
    await page.goto('/en/dashboard');
    const admins = page.getByTestId('dashboard-account-counts').locator('[data-key=ADMIN]');
    await expect(admins).toHaveAttribute('href', '/en/users?role=ADMIN');
    const count = Number((await admins.locator('span').first().textContent())!.replace(/\D/g, ''));
    expect(count).toBeGreaterThanOrEqual(1);
    await admins.click();
    await expect(page).toHaveURL(/\/en\/users\?role=ADMIN$/);
    await expect(page.getByTestId('user-row')).toHaveCount(count);
    await page.goto('/en/dashboard');
    await page.getByTestId('dashboard-cycle-counts').locator('[data-key=OPEN]').click();
    await expect(page).toHaveURL(/\/en\/cycles$/);
  });
});
