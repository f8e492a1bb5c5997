import { expect, test } from '@playwright/test';
import { USERS, type E2EUser } from './fixtures';
import { e2eQuery, signInThroughApi } from './helpers';

const NAVIGATION: [keyof typeof USERS, string[]][] = [
  ['admin', ['Overview', 'Reviews', 'Overdue', 'Thematic areas', 'Reporting entities', 'Reporting cycles', 'Import a text', 'Import a document', 'Users', 'Outbox']],
  ['secretariat', ['Overview', 'Reviews', 'Overdue', 'Thematic areas', 'Reporting entities', 'Import a text', 'Import a document']],
  ['focalMex', ['Overview', 'Worklist', 'Contributors', 'Thematic areas', 'My entity', 'Reporting entities']],
  ['focalNga', ['Overview', 'Worklist', 'Contributors', 'Thematic areas', 'My entity', 'Reporting entities']],
  ['focalUnodc', ['Overview', 'Worklist', 'Contributors', 'Thematic areas', 'My entity', 'Reporting entities']],
  ['viewer', ['Overview', 'Thematic areas', 'Reporting entities']],
];

for (const [key, items] of NAVIGATION) {
  test(`${key} signs in and sees the navigation of the role`, async ({ page }) => {
    const user: E2EUser = USERS[key];
    await signInThroughApi(page, user);
    await page.goto('/en/dashboard');
    await expect(page.getByTestId('signed-in-as')).toContainText(user.name);
    await expect(page.getByTestId('app-nav').getByRole('link')).toHaveText(items);
  });
}

test('signing in through the form leads to the workspace, and signing out ends the session', async ({ page }) => {
  await page.goto('/en/sign-in');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  await page.getByLabel('E-mail address').fill(USERS.leavingReviewer.email.toUpperCase());
  await page.getByLabel('Password').fill(USERS.leavingReviewer.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/en\/dashboard$/);
  await expect(page.getByTestId('dashboard-role')).toContainText('Secretariat');
  await page.getByTestId('account-menu').locator('summary').click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/en\/sign-out$/);
  await page.goto('/en/dashboard');
  await expect(page).toHaveURL(/\/en\/sign-in/);
});

test('a wrong password gets a clear message in the page language', async ({ page }) => {
  await page.goto('/zh/sign-in');
  await expect(page.getByRole('button', { name: '登录' })).toBeEnabled();
  await page.getByLabel('电子邮件地址').fill(USERS.viewer.email);
  await page.getByLabel('密码').fill('not the password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('sign-in-error')).toHaveText('电子邮件地址或密码不正确。');
  // The e-mail address survives the failed attempt: only the password needs retyping.
  await expect(page.getByLabel('电子邮件地址')).toHaveValue(USERS.viewer.email);
  await page.getByLabel('密码').fill(USERS.viewer.password);
  await page.getByRole('button', { name: '登录' }).click();
  // No page was asked for: the workspace opens in the language of the account's profile (English).
  await expect(page).toHaveURL(/\/en\/dashboard$/);
});

test('a focal point reads its own entity and gets a 404 for another one', async ({ page }) => {
  await signInThroughApi(page, USERS.focalMex);
  const own = await page.goto('/en/entities/MEX');
  expect(own?.status()).toBe(200);
  await expect(page.getByTestId('entity-name')).toHaveText('Mexico');
  const other = await page.goto('/en/entities/NGA');
  expect(other?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  const unknown = await page.goto('/en/entities/ZZZ');
  expect(unknown?.status()).toBe(404);
});

test('the secretariat reads any entity page, in Chinese too', async ({ page }) => {
  await signInThroughApi(page, USERS.secretariat);
  await page.goto('/zh/entities/NGA');
  await expect(page.getByTestId('entity-name')).toHaveText('尼日利亚');
});

test('the directory filters the 193 Member States by regional group', async ({ page }) => {
  await signInThroughApi(page, USERS.viewer);
  await page.goto('/en/entities?kind=states');
  await expect(page.getByTestId('entity-row')).toHaveCount(195);
  await page.getByLabel('Regional group').selectOption('AFRICAN');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/group=AFRICAN/);
  await expect(page.getByTestId('entity-count')).toHaveText('54 entities');
  await expect(page.getByRole('row', { name: /Nigeria/ })).toBeVisible();
});

test('a disabled account loses its session at the very next request', async ({ page }) => {
  await signInThroughApi(page, USERS.disposable);
  await page.goto('/en/dashboard');
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
  await e2eQuery('UPDATE "User" SET disabled = true WHERE email = $1', [USERS.disposable.email]);
  try {
    await page.goto('/en/dashboard');
    await expect(page).toHaveURL(/\/en\/sign-in/);
  } finally {
    await e2eQuery('UPDATE "User" SET disabled = false WHERE email = $1', [USERS.disposable.email]);
  }
});

test('the sign-out page ends the session', async ({ page }) => {
  await signInThroughApi(page, USERS.leavingFocal);
  const copied = (await page.context().cookies()).find((cookie) => cookie.name.includes('session-token'))!;
  await page.goto('/zh/sign-out');
  await expect(page.getByRole('main').getByText(USERS.leavingFocal.email)).toBeVisible();
  await page.getByRole('main').getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/zh\/sign-out$/);
  await expect(page.getByRole('heading', { name: '您已退出登录' })).toBeVisible();
  const session = await (await page.request.get('/api/auth/session')).json();
  expect(session.user).toBeUndefined();
  // A copy of the old cookie no longer opens the workspace.
  await page.context().addCookies([copied]);
  await page.goto('/zh/dashboard');
  await expect(page).toHaveURL(/\/zh\/sign-in/);
});

test('repeated wrong passwords slow the form down, and it says how long to wait, in words', async ({ page }) => {
  // An account of no one, so that no other test's sign-ins are slowed.
  const email = 'e2e-nobody-slowed@example.test';
  await page.goto('/en/sign-in');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  await page.getByLabel('E-mail address').fill(email);
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.getByLabel('Password').fill(`wrong ${attempt}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('sign-in-error')).toHaveText('The e-mail address or the password is not correct.');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  }
  await page.getByLabel('Password').fill('wrong again');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('sign-in-error')).toHaveText(/^Too many unsuccessful attempts from this connection\. For your security, wait \d+ seconds before trying again\.$/);
});
