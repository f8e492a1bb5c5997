// The evidence flows as people use them: a paragraph typed with its citation, removing evidence
// (asked first, undone at once, kept in the history), a focal point asking the secretariat to
// remove what it accepted, and linking a paragraph to a commitment from the document reader.
// The commitments here have synthetic wording; A/74/129 (zh) is the seeded real report.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { USERS } from './fixtures';
import { e2eQuery, signInThroughApi } from './helpers';

/** A commitment with synthetic wording, made behind the application's back for this test. */
async function createCommitment(id: string, words: string) {
  await e2eQuery(
    `INSERT INTO "Commitment" ("id", "instrumentId", "thematicAreaId", "reference", "kind", "chapter", "order", "updatedAt")
     SELECT $1, i."id", a."id", $2, 'COMMITMENT', 1, 900, now() FROM "Instrument" i, "ThematicArea" a
     WHERE i."code" = 'MD2019' AND a."code" = 'TA6' ON CONFLICT DO NOTHING`,
    [id, `ev-${id.slice(-4)}`],
  );
  await e2eQuery(
    `INSERT INTO "CommitmentText" ("id", "commitmentId", "locale", "text", "sourceName", "updatedAt")
     VALUES ($1 || '-en', $1, 'en', $2, 'e2e', now()) ON CONFLICT DO NOTHING`,
    [id, `Synthetic end-to-end commitment about ${words}.`],
  );
}

// Screenshots for a person to look at: in EVIDENCE_SHOTS when it names a folder, else under test-results.
const SHOTS = process.env.EVIDENCE_SHOTS ?? join('test-results', 'evidence-shots');
async function shot(page: Page, name: string, fullPage = true) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

test('a citation typed in the symbol field is understood, and a bare symbol is refused in words', async ({ page }) => {
  await createCommitment('evidencee2e00001', 'invented gizmo harmonisation one');
  await signInThroughApi(page, USERS.secretariat);
  await page.goto('/en/commitments/evidencee2e00001');
  const evidence = page.getByTestId('commitment-evidence');
  await expect(evidence.getByRole('button', { name: 'Link the paragraph' })).toBeEnabled();

  await evidence.getByLabel('Document symbol').fill('A/74/129');
  await evidence.getByRole('button', { name: 'Link the paragraph' }).click();
  await expect(evidence.getByText('Type the paragraph number (such as 27), or the whole citation in the symbol field')).toBeVisible();
  // What was typed stays, to be completed.
  await expect(evidence.getByLabel('Document symbol')).toHaveValue('A/74/129');

  await evidence.getByLabel('Document symbol').fill('A/74/129，第7段');
  await evidence.getByRole('button', { name: 'Link the paragraph' }).click();
  await expect(evidence.getByRole('status').filter({ hasText: 'Linked: A/74/129, para. 7.' })).toBeVisible();
  await expect(evidence.getByTestId('evidence-citation')).toHaveText('A/74/129, para. 7');
  await expect(evidence.getByTestId('evidence-entity')).toHaveText('Secretariat');
});

test('removing evidence asks first, can be undone at once, and stays in the history', async ({ page }) => {
  // It waits out the few seconds of the undo.
  test.setTimeout(90_000);
  await createCommitment('evidencee2e00002', 'invented gizmo harmonisation two');
  await signInThroughApi(page, USERS.secretariat);
  await page.goto('/en/commitments/evidencee2e00002');
  const evidence = page.getByTestId('commitment-evidence');
  await expect(evidence.getByRole('button', { name: 'Link the paragraph' })).toBeEnabled();
  await evidence.getByLabel('Document symbol').fill('A/74/129 para 13');
  await evidence.getByRole('button', { name: 'Link the paragraph' }).click();
  await expect(evidence.getByTestId('evidence-item')).toHaveCount(1);

  // Asked first; cancelling changes nothing.
  await evidence.getByRole('button', { name: 'Remove A/74/129, para. 13 from the evidence' }).click();
  const confirm = evidence.getByTestId('remove-confirm');
  await expect(confirm).toContainText('Remove A/74/129, para. 13 from the evidence? You can undo it for a few seconds');
  await shot(page, 'remove-confirm-en-desktop');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(evidence.getByTestId('evidence-item')).toHaveCount(1);

  // Removed, then undone from the bar: the evidence is back.
  await evidence.getByRole('button', { name: 'Remove A/74/129, para. 13 from the evidence' }).click();
  await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(evidence.getByTestId('evidence-item')).toHaveCount(0);
  const undo = page.getByTestId('evidence-undo');
  await expect(undo).toContainText('Removed A/74/129, para. 13.');
  await shot(page, 'undo-en-desktop');
  await undo.getByRole('button', { name: 'Undo' }).click();
  await expect(undo).toContainText('A/74/129, para. 13 is back in the evidence.');
  await expect(evidence.getByTestId('evidence-item')).toHaveCount(1);

  // Removed for good: after the few seconds, the bar goes, and the history says who removed what
  // (the removal undone at once is not in it: it never took effect).
  await evidence.getByRole('button', { name: 'Remove A/74/129, para. 13 from the evidence' }).click();
  await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(evidence.getByTestId('evidence-item')).toHaveCount(0);
  await expect(undo).toHaveCount(0, { timeout: 15_000 });
  await page.reload();
  const entries = page.getByTestId('evidence-history-entry');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('Removed: Paragraph A/74/129, para. 13');
  await expect(entries.first()).toContainText(USERS.secretariat.email);
  await shot(page, 'history-en-desktop');
  // In Chinese, the history reads in Chinese.
  await page.goto('/zh/commitments/evidencee2e00002');
  await expect(page.getByTestId('evidence-history-entry').first()).toContainText('已移除：段落 A/74/129，第13段');

  // The secretariat can still put it back from the history.
  await page.goto('/en/commitments/evidencee2e00002');
  await page.getByTestId('evidence-history-entry').first().getByRole('button', { name: 'Restore A/74/129, para. 13' }).click();
  await expect(page.getByTestId('evidence-item')).toHaveCount(1);
});

test('a focal point asks the secretariat to remove accepted evidence, and reads its answer', async ({ browser }) => {
  await createCommitment('evidencee2e00003', 'invented gizmo harmonisation three');
  const focal = await (await browser.newContext()).newPage();
  await signInThroughApi(focal, USERS.focalMex);
  await focal.goto('/en/commitments/evidencee2e00003');
  const evidence = focal.getByTestId('commitment-evidence');
  await expect(evidence.getByRole('button', { name: 'Link the paragraph' })).toBeEnabled();
  await evidence.getByLabel('Document symbol').fill('A/74/129');
  await evidence.getByLabel('Paragraph number').fill('25');
  await evidence.getByRole('button', { name: 'Link the paragraph' }).click();
  await expect(evidence.getByRole('status').filter({ hasText: 'A/74/129, para. 25 is sent to the secretariat for review.' })).toBeVisible();
  await expect(evidence.getByTestId('evidence-pending')).toHaveCount(1);

  const officer = await (await browser.newContext()).newPage();
  await signInThroughApi(officer, USERS.secretariat);
  await officer.goto('/en/commitments/evidencee2e00003');
  await officer.getByRole('button', { name: 'Accept A/74/129, para. 25 as evidence' }).click();
  await expect(officer.getByTestId('evidence-item')).toHaveCount(1);

  // Accepted: the focal point cannot remove it, only ask.
  await focal.reload();
  const item = evidence.getByTestId('evidence-item');
  await expect(item.getByTestId('evidence-entity')).toContainText('Mexico');
  await expect(item.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
  await item.getByRole('button', { name: 'Ask the secretariat to remove A/74/129, para. 25' }).click();
  await item.getByLabel('Reason (optional)').fill('[E2E] Superseded by a later report.');
  await item.getByRole('button', { name: 'Send the request' }).click();
  await expect(item.getByTestId('removal-request')).toContainText('[E2E] Superseded by a later report.');
  await shot(focal, 'removal-request-en-desktop');

  // The secretariat keeps it, saying why; the focal point reads it in the history.
  await officer.reload();
  const requested = officer.getByTestId('evidence-item');
  await requested.getByLabel('Comment for the focal point (optional)').fill('[E2E] Still the latest figures.');
  await requested.getByRole('button', { name: 'Keep A/74/129, para. 25' }).click();
  await expect(officer.getByTestId('removal-request')).toHaveCount(0);
  await focal.reload();
  await expect(focal.getByTestId('evidence-history-entry').first()).toContainText('Kept (removal declined)');
  await expect(focal.getByTestId('evidence-history-comment').first()).toContainText('[E2E] Still the latest figures.');
});

test('a focal point links a paragraph to a commitment from the reader, and the paragraph lists it', async ({ page }) => {
  await createCommitment('evidencee2e00004', 'invented sprocket reconciliation four');
  await signInThroughApi(page, USERS.focalNga);
  await page.goto('/en/documents/a-74-129/zh');
  await page.getByRole('link', { name: 'Link A/74/129, para. 17 to a commitment' }).click();
  await expect(page).toHaveURL(/\/en\/documents\/a-74-129\/zh\/paragraphs\/17#link-commitment$/);
  const form = page.getByTestId('link-to-commitment');
  await expect(form.getByRole('button', { name: 'Find' })).toBeEnabled();
  await form.getByLabel('Words or reference').fill('sprocket reconciliation four');
  await form.getByRole('button', { name: 'Find' }).click();
  const hit = form.getByTestId('commitment-hit');
  await expect(hit).toHaveCount(1);
  await hit.getByRole('button', { name: /^Link this paragraph to MD2019|^Link this paragraph to / }).click();
  await expect(hit).toContainText('Sent to the secretariat for review');
  await expect(page.getByTestId('citing-commitment')).toHaveCount(1);
  await expect(page.getByTestId('citing-commitment')).toContainText('Awaiting review');
  await shot(page, 'paragraph-link-en-desktop');

  // The other way: the commitment's page lists the paragraph, waiting for review.
  await page.getByTestId('citing-commitment').getByRole('link').click();
  await expect(page.getByTestId('evidence-pending')).toContainText('A/74/129, para. 17');
  await expect(page.getByTestId('evidence-pending').getByTestId('evidence-entity')).toContainText('Nigeria');

  // A reader who may not link sees no such action; anonymous readers see accepted citations only.
  const anonymous = await page.context().browser()!.newPage();
  await anonymous.goto('/en/documents/a-74-129/zh/paragraphs/17');
  await expect(anonymous.getByTestId('citing-commitments')).toContainText('No commitment cites this paragraph as evidence yet.');
  await expect(anonymous.getByTestId('link-to-commitment')).toHaveCount(0);
  await anonymous.goto('/en/documents/a-74-129/zh');
  await expect(anonymous.getByRole('link', { name: 'Link A/74/129, para. 17 to a commitment' })).toHaveCount(0);
});

// The flows again in both languages, on a desktop and a phone, with screenshots for a person to look at.
test('the evidence flows in English and Chinese, on a desktop and a phone', async ({ browser }) => {
  test.setTimeout(240_000);
  await createCommitment('evidencee2e00005', 'invented gizmo harmonisation five');
  // A focal point's proposal, for the secretariat to decline with a comment.
  const focal = await (await browser.newContext()).newPage();
  await signInThroughApi(focal, USERS.focalUnodc);
  await focal.goto('/en/commitments/evidencee2e00005');
  await expect(focal.getByRole('button', { name: 'Link the paragraph' })).toBeEnabled();
  await focal.getByLabel('Document symbol').fill('A/74/129，第33段');
  await focal.getByRole('button', { name: 'Link the paragraph' }).click();
  await expect(focal.getByTestId('evidence-pending')).toHaveCount(1);
  for (const [device, viewport] of [['desktop', { width: 1366, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await signInThroughApi(page, USERS.secretariat);
    if (device === 'desktop') {
      await page.goto('/en/commitments/evidencee2e00005');
      await expect(page.getByRole('button', { name: 'Link the paragraph' })).toBeEnabled();
      for (const citation of ['A/74/129, para. 30', 'A/74/129，第31段', 'A/74/129 para 32']) {
        await page.getByLabel('Document symbol').fill(citation);
        await page.getByRole('button', { name: 'Link the paragraph' }).click();
        await expect(page.getByRole('status').filter({ hasText: `Linked: ${citation.replace('，第31段', ', para. 31').replace(' para 32', ', para. 32')}` })).toBeVisible();
      }
      // One removed for good, for the history.
      await page.getByRole('button', { name: 'Remove A/74/129, para. 32 from the evidence' }).click();
      await page.getByTestId('remove-confirm').getByRole('button', { name: 'Remove', exact: true }).click();
      await expect(page.getByTestId('evidence-item')).toHaveCount(2);
    }
    for (const locale of ['en', 'zh'] as const) {
      await page.goto(`/${locale}/commitments/evidencee2e00005`);
      await page.getByTestId('commitment-evidence').scrollIntoViewIfNeeded();
      const pending = page.getByTestId('evidence-pending');
      await expect(async () => {
        await pending.getByRole('button', { name: /^Reject|^拒绝/ }).click();
        await expect(pending.getByRole('textbox')).toBeVisible({ timeout: 1000 });
      }).toPass();
      await pending.getByRole('textbox').fill(locale === 'en' ? '[E2E] Not about this commitment.' : '[E2E] 与本承诺无关。');
      await shot(page, `commitment-reject-${locale}-${device}`);
      await page.reload();
      const remove = page.getByTestId('evidence-item').first().getByRole('button').first();
      await remove.click();
      await shot(page, `commitment-confirm-${locale}-${device}`);
      await page.getByTestId('remove-confirm').getByRole('button').first().click();
      await expect(page.getByTestId('evidence-undo')).toBeVisible();
      await page.screenshot({ path: join(SHOTS, `commitment-undo-${locale}-${device}.png`) });
      await page.getByTestId('evidence-undo').getByRole('button').first().click();
      await expect(page.getByTestId('evidence-item')).toHaveCount(2);
      await page.reload();
      await shot(page, `commitment-history-${locale}-${device}`);
      await page.goto(`/${locale}/documents/a-74-129/zh#para-30`);
      await shot(page, `reader-${locale}-${device}`, false);
      await page.goto(`/${locale}/documents/a-74-129/zh/paragraphs/30`);
      const search = page.getByTestId('link-to-commitment').getByRole('searchbox');
      // Typed before the page's script runs, the words would be lost: wait until it has.
      await expect(async () => {
        await search.fill('gizmo');
        await page.getByTestId('link-to-commitment').getByRole('button').first().click();
        await expect(page.getByTestId('commitment-hit').first()).toBeVisible({ timeout: 2000 });
      }).toPass();
      await expect(page.getByTestId('commitment-hit').first()).toBeVisible();
      await shot(page, `paragraph-${locale}-${device}`);
    }
    await context.close();
  }
});
