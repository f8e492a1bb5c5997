import { expect, test } from '@playwright/test';
import { generate } from 'otplib';
import { USERS } from './fixtures';
import { signInThroughApi } from './helpers';

// Two-step sign-in as a person sets it up and uses it: scan (here: read) the key, confirm with a
// first code, keep the recovery codes; then sign in through the form, which asks for the code.
test('a focal point turns on two-step sign-in, then signs in with the code from the authenticator', async ({ browser }) => {
  const user = USERS.focalPer;
  const setup = await (await browser.newContext()).newPage();
  await signInThroughApi(setup, user);
  await setup.goto('/en/dashboard');
  await setup.getByTestId('account-security-link').click();
  await expect(setup).toHaveURL(/\/en\/account\/security$/);
  await setup.getByRole('button', { name: 'Set up two-step sign-in' }).click();
  await expect(setup.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  const secret = (await setup.getByTestId('mfa-secret').textContent())!.trim();
  const now = Math.floor(Date.now() / 1000);
  await setup.getByLabel('Code', { exact: true }).fill(await generate({ secret, epoch: now }));
  await setup.getByRole('button', { name: 'Confirm and turn on' }).click();
  await expect(setup.getByTestId('recovery-codes').locator('li')).toHaveCount(10);

  const page = await (await browser.newContext()).newPage();
  await page.goto('/en/sign-in');
  await page.getByLabel('E-mail address').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('sign-in-error')).toHaveText('Your account signs in in two steps: type the code your authenticator app shows.');
  // The next step's code: the first one was spent on confirming.
  await page.getByLabel('Code from your authenticator app').fill(await generate({ secret, epoch: now + 30 }));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/en\/dashboard$/);
  await expect(page.getByTestId('signed-in-as')).toContainText(user.name);
});
