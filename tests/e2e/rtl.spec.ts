// Arabic reads right to left: the document says so (dir="rtl" lang="ar"), the header starts at
// the right edge and its sections flow leftwards, and no page sticks out sideways on a phone or a
// desktop. Each page is also photographed into test-results/rtl/ for a person to look at.
import { expect, test, type Page } from '@playwright/test';
import { USERS, type E2EUser } from './fixtures';
import { signInThroughApi } from './helpers';

const VIEWPORTS = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } } as const;

// `check`: what else must hold on that page, in Arabic.
type Stop = { name: string; path: string | ((page: Page) => Promise<string>); check?: (page: Page) => Promise<void> };

/**
 * The first link on `from` whose address matches `pattern` (within a `within` element holding
 * `hasText`, when given: other tests add commitments of their own), as a path to visit.
 */
const firstLink = (from: string, pattern: string, within?: { selector: string; hasText: string }) => async (page: Page) => {
  await page.goto(from);
  const scope = within ? page.locator(within.selector).filter({ hasText: within.hasText }).first() : page.locator('main');
  const href = await scope.locator(`a[href*="${pattern}"]`).first().getAttribute('href');
  expect(href, `a link to ${pattern} on ${from}`).toBeTruthy();
  return href!;
};

/**
 * Where `first` and `second` are drawn, from the left, in the first element of `selector` that
 * holds both (other tests add commitments whose references or texts hold neither).
 */
async function leftOfBoth(page: Page, selector: string, first: string, second: string) {
  return page.locator(selector).evaluateAll((elements, [one, two]) => {
    const leftOf = (element: Element, wanted: string) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        return range.getBoundingClientRect().left;
      }
      return null;
    };
    for (const element of elements) {
      const [a, b] = [leftOf(element, one!), leftOf(element, two!)];
      if (a !== null && b !== null) return [a, b] as const;
    }
    throw new Error(`no element holds both ${one} and ${two}`);
  }, [first, second]);
}

/** Text that runs left to right (a reference "1(a)", English text) is drawn that way: `first` left of `second`. */
async function expectLeftToRight(page: Page, selector: string, first: string, second: string) {
  const [one, two] = await leftOfBoth(page, selector, first, second);
  expect(one, `${selector}: "${first}" left of "${second}"`).toBeLessThan(two);
}

const direction = (page: Page, selector: string) => page.locator(selector).first().evaluate((element) => getComputedStyle(element).direction);

const PUBLIC: Stop[] = [
  { name: 'home', path: '/ar' },
  { name: 'area', path: '/ar/areas/TA1' },
  {
    name: 'commitment', path: firstLink('/ar/areas/TA1', '/commitments/', { selector: '[data-testid="commitment-row"]', hasText: '[E2E] Synthetic' }),
    // Shown in English until an Arabic text is imported: it runs left to right, "[E2E]" first.
    check: async (page) => {
      expect(await direction(page, 'main blockquote[lang="en"]')).toBe('ltr');
      await expectLeftToRight(page, 'main blockquote[lang="en"]', '[', 'Synthetic');
    },
  },
  {
    name: 'documents-reader', path: '/ar/documents/a-74-129/zh',
    // A Chinese document reads as a Chinese document, inside the Arabic page.
    check: async (page) => {
      expect(await direction(page, '[data-testid="paragraph"]')).toBe('ltr');
      expect(await direction(page, 'main')).toBe('rtl');
      // Its paragraph numbers too ("1." before the text, not ".1").
      await expectLeftToRight(page, '[data-testid="paragraph"] p a', '1', '.');
    },
  },
  { name: 'paragraph', path: '/ar/documents/a-74-129/zh/paragraphs/7' },
  {
    name: 'sign-in', path: '/ar/sign-in',
    check: async (page) => {
      await page.locator('input[type="email"]').fill('someone@example.test');
      expect(await direction(page, 'input[type="email"]')).toBe('ltr');
    },
  },
];

// `workspace`: the page has the workspace's tabs.
const SIGNED_IN: (Stop & { user: E2EUser; workspace: boolean })[] = [
  {
    name: 'summary', user: USERS.secretariat, workspace: false, path: '/ar/areas/TA1/summary',
    // The trend is drawn mirrored (the value axis on the right), its labels readable.
    check: async (page) => {
      const chart = page.locator('svg.chart-mirrors-in-rtl').first();
      expect(await chart.evaluate((svg) => getComputedStyle(svg).scale)).toBe('-1 1');
      const [label, line] = [await chart.locator('text').first().boundingBox(), await chart.locator('line').first().boundingBox()];
      expect(label!.x).toBeGreaterThanOrEqual(line!.x + line!.width);
      expect(await chart.locator('text').first().evaluate((text) => getComputedStyle(text).scale)).toBe('-1 1');
    },
  },
  {
    name: 'worklist', user: USERS.focalMex, workspace: true, path: '/ar/worklist',
    check: (page) => expectLeftToRight(page, '[data-testid="worklist-link"]', '1', '('),
  },
  { name: 'team', user: USERS.focalMex, workspace: true, path: '/ar/team' },
  {
    name: 'report-form', user: USERS.focalMex, workspace: true, path: firstLink('/ar/worklist', '/reports/', { selector: '[data-testid="worklist-row"]', hasText: '[E2E] Synthetic' }),
    check: (page) => expectLeftToRight(page, '[data-testid="report-heading"]', '1', '('),
  },
];

/** What sticks out of the page sideways: the scroll width, and elements beyond either edge that nothing clips. */
async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.scrollingElement!;
    const width = root.clientWidth;
    const clipped = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
      }
      return false;
    };
    const outside = [...document.body.querySelectorAll('*')].flatMap((element) => {
      const box = element.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1 || (box.left >= -1 && box.right <= width + 1) || clipped(element)) return [];
      return [`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}[${Math.round(box.left)}..${Math.round(box.right)}] ${(element.textContent ?? '').trim().slice(0, 40)}`];
    });
    return { scrollWidth: root.scrollWidth, clientWidth: width, outside };
  });
}

/** The horizontal extent of the visible items of a container, in document order. */
async function itemBoxes(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((elements) =>
    elements.filter((element) => (element as HTMLElement).checkVisibility()).map((element) => {
      const box = element.getBoundingClientRect();
      return { left: box.left, right: box.right };
    }),
  );
}

/** Each item starts to the left of the one before it: the row runs right to left. */
function expectRightToLeft(boxes: { left: number; right: number }[], what: string) {
  expect(boxes.length, `${what}: items`).toBeGreaterThan(2);
  for (let index = 1; index < boxes.length; index++) {
    expect(boxes[index]!.right, `${what}: item ${index + 1} is left of item ${index}`).toBeLessThanOrEqual(boxes[index - 1]!.left + 1);
  }
}

async function checkPage(page: Page, stop: Stop, viewport: keyof typeof VIEWPORTS) {
  const path = typeof stop.path === 'string' ? stop.path : await stop.path(page);
  const response = await page.goto(path);
  expect(response?.status(), `${stop.name}: ${path}`).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');

  // The site's name is the header's first item, at its right edge.
  const header = page.getByTestId('site-header');
  const brand = await page.getByTestId('brand').boundingBox();
  const headerItems = await itemBoxes(page, '[data-testid="site-header"] a, [data-testid="site-header"] summary, [data-testid="site-header"] button');
  expect(await header.isVisible()).toBe(true);
  expect(brand!.x + brand!.width, `${stop.name}: the brand at the right edge`).toBeGreaterThanOrEqual(VIEWPORTS[viewport].width - 40);
  for (const item of headerItems) expect(item.right).toBeLessThanOrEqual(brand!.x + brand!.width + 1);

  const overflow = await sidewaysOverflow(page);
  expect(overflow.outside, `${stop.name} (${viewport}): elements beyond the page's edges`).toEqual([]);
  expect(overflow.scrollWidth, `${stop.name} (${viewport}): the page scrolls sideways`).toBeLessThanOrEqual(overflow.clientWidth);

  // Arrows that point along the text ("← all users", "next →") are turned round.
  const arrows = await page.locator('main').evaluate((main) =>
    [...main.querySelectorAll('*')].filter((element) => element.children.length === 0 && /^[←→]$/.test(element.textContent!.trim())).map((element) => getComputedStyle(element).scale));
  expect(arrows.filter((scale) => scale !== '-1 1'), `${stop.name}: arrows not turned round`).toEqual([]);
  await stop.check?.(page);
  await page.screenshot({ path: `test-results/rtl/${stop.name}-${viewport}.png`, fullPage: true });
}

for (const viewport of ['desktop', 'phone'] as const) {
  test.describe(`Arabic on a ${viewport} (${VIEWPORTS[viewport].width} px)`, () => {
    test.use(viewport === 'phone' ? { viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true } : { viewport: VIEWPORTS.desktop });

    test('the public pages read right to left, and fit the width', async ({ page }) => {
      test.setTimeout(90_000);
      for (const stop of PUBLIC) await checkPage(page, stop, viewport);
    });

    test('the signed-in pages read right to left, and fit the width', async ({ browser }) => {
      test.setTimeout(90_000);
      for (const stop of SIGNED_IN) {
        const context = await browser.newContext(viewport === 'phone' ? { viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true } : { viewport: VIEWPORTS.desktop });
        const page = await context.newPage();
        await signInThroughApi(page, stop.user);
        await checkPage(page, stop, viewport);
        // The workspace's tabs run right to left too.
        if (stop.workspace) expectRightToLeft(await itemBoxes(page, '[data-testid="app-nav"] > li'), `${stop.name}: workspace tabs`);
        await context.close();
      }
    });
  });
}

test.describe('Arabic on a desktop: the header', () => {
  test.use({ viewport: VIEWPORTS.desktop });

  test('the main sections flow right to left after the site’s name', async ({ page }) => {
    await page.goto('/ar/areas');
    const brand = (await itemBoxes(page, '[data-testid="brand"]'))[0]!;
    const sections = await itemBoxes(page, '[data-testid="site-nav"] > li');
    expectRightToLeft([brand, ...sections], 'site sections');
  });

  test('arrows of the paragraph reader point the way Arabic runs', async ({ page }) => {
    await page.goto('/ar/documents/a-74-129/zh/paragraphs/7');
    const neighbours = page.locator('main nav').last().getByRole('link');
    await expect(neighbours).toHaveCount(2);
    // "Previous" is at the start (right), "next" at the end (left); each arrow is turned round.
    const [previous, next] = [await neighbours.nth(0).boundingBox(), await neighbours.nth(1).boundingBox()];
    expect(previous!.x).toBeGreaterThan(next!.x);
    for (const arrow of await neighbours.locator('span[aria-hidden]').all()) {
      expect(await arrow.evaluate((element) => getComputedStyle(element).scale)).toBe('-1 1');
    }
  });
});

test.describe('Arabic on a phone: the workspace tabs', () => {
  test.use({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true });

  test('scroll towards the left, say so at the left edge, and bring the current tab into view', async ({ page }) => {
    await signInThroughApi(page, USERS.admin);
    await page.goto('/ar/dashboard');
    // More tabs wait at the end, which is the left edge.
    const more = await page.getByTestId('app-nav-more-end').boundingBox();
    expect(more!.x + more!.width).toBeLessThanOrEqual(VIEWPORTS.phone.width / 2);
    await expect(page.getByTestId('app-nav-more-start')).toHaveCount(0);
    // A tab far along the row is scrolled into view when it is the current one.
    await page.goto('/ar/outbox');
    const current = await page.getByTestId('app-nav').locator('[aria-current="page"]').boundingBox();
    expect(current!.x).toBeGreaterThanOrEqual(0);
    expect(current!.x + current!.width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    // Having scrolled, more tabs wait at the start, the right edge.
    const back = await page.getByTestId('app-nav-more-start').boundingBox();
    expect(back!.x).toBeGreaterThanOrEqual(VIEWPORTS.phone.width / 2);
  });
});
