import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { USERS } from './fixtures';
import { e2eQuery, signInThroughApi } from './helpers';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/reports/${name}`, import.meta.url));

/** A commitment with synthetic wording, made behind the application's back for this test. */
async function createCommitment(id: string) {
  await e2eQuery(
    `INSERT INTO "Commitment" ("id", "instrumentId", "thematicAreaId", "reference", "kind", "chapter", "order", "updatedAt")
     SELECT $1, i."id", a."id", $2, 'COMMITMENT', 1, 1, now() FROM "Instrument" i, "ThematicArea" a
     WHERE i."code" = 'MD2019' AND a."code" = 'TA6' ON CONFLICT DO NOTHING`,
    [id, `e2e-${id.slice(-4)}`],
  );
  await e2eQuery(
    `INSERT INTO "CommitmentText" ("id", "commitmentId", "locale", "text", "sourceName", "updatedAt")
     VALUES ($1 || '-en', $1, 'en', 'Synthetic end-to-end commitment about invented sprocket coordination.', 'e2e', now()) ON CONFLICT DO NOTHING`,
    [id],
  );
}

test('the secretariat imports a document through the screen, opens paragraph 25 and links it to a commitment', async ({ page }) => {
  await createCommitment('e2ecommitment0001');
  await signInThroughApi(page, USERS.secretariat);
  await page.goto('/en/documents/import');
  // The form is the page's script's: wait until it runs (the button is enabled then).
  await expect(page.getByRole('button', { name: 'Dry run' })).toBeEnabled();
  await page.getByLabel('Document symbol').fill('X/E2E/1');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('en');
  await page.getByLabel('Text file (optional)').setInputFiles(fixture('long-report.en.txt'));
  await page.getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByTestId('document-preview-summary')).toHaveText('New document X/E2E/1. 30 paragraphs, 5 sections, 1 footnote.');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('document-import-result')).toContainText('30 paragraphs, 5 sections and 1 footnote.');

  await page.getByRole('link', { name: 'Open the document' }).click();
  await expect(page.getByTestId('paragraph')).toHaveCount(30);
  await page.getByRole('link', { name: 'X/E2E/1, para. 25', exact: true }).click();
  await expect(page).toHaveURL(/\/en\/documents\/x-e2e-1\/en\/paragraphs\/25$/);
  await expect(page.getByTestId('paragraph-citation')).toHaveText('X/E2E/1, para. 25');
  await expect(page.getByTestId('paragraph-text')).toHaveText(/^Invented paragraph 25 that the end-to-end test links to a commitment: it reports imaginary sprocket/);

  await page.goto('/en/commitments/e2ecommitment0001');
  const evidence = page.getByTestId('commitment-evidence');
  await evidence.getByLabel('Document symbol').fill('X/E2E/1');
  await evidence.getByLabel('Paragraph number').fill('25');
  await evidence.getByLabel('Note (optional)').first().fill('Shows the invented coordination.');
  await evidence.getByRole('button', { name: 'Link the paragraph' }).click();
  await expect(evidence.getByTestId('evidence-citation')).toHaveText('X/E2E/1, para. 25');
  await expect(evidence.getByTestId('evidence-item')).toContainText('Shows the invented coordination.');

  // The citation reads in Chinese on the Chinese page.
  await page.goto('/zh/commitments/e2ecommitment0001');
  await expect(page.getByTestId('evidence-citation')).toHaveText('X/E2E/1，第25段');
});

test('the seeded A/74/129 reads with its sections, and 芬太尼 finds paragraphs 7, 13 and 67', async ({ page }) => {
  await page.goto('/zh/documents/a-74-129/zh');
  await expect(page.getByTestId('paragraph')).toHaveCount(102);
  await expect(page.getByRole('navigation', { name: '目录' })).toContainText('IV.C.2');
  await page.goto('/zh/search?q=芬太尼');
  await expect(page.getByTestId('paragraph-hit')).toHaveCount(3);
  await expect(page.getByTestId('paragraph-hit').getByRole('link')).toHaveText(['A/74/129，第7段', 'A/74/129，第13段', 'A/74/129，第67段']);
  await page.goto('/en/areas/TA1');
  await expect(page.getByTestId('area-evidence')).toContainText(/A\/74\/129: paras\. \d+-\d+/);
});

test('a report that is not one is refused with a clear message', async ({ page }) => {
  await signInThroughApi(page, USERS.admin);
  await page.goto('/en/documents/import');
  await expect(page.getByRole('button', { name: 'Dry run' })).toBeEnabled();
  await page.getByLabel('Document symbol').fill('X/E2E/BAD');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('en');
  await page.getByLabel('Text', { exact: true }).fill('Some invented prose without any numbered paragraph at all.');
  await page.getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByTestId('form-error')).toContainText('does not look like a report');
});
