// Largest Contentful Paint of the focal point's worklist, in Chromium under Lighthouse's mobile
// "slow 4G" DevTools throttling (the values Chrome DevTools' own Slow 4G preset uses: 562.5 ms
// request latency, i.e. 150 ms RTT x 3.75, as Lighthouse applies it at the request level;
// 1.6 Mbps x 0.9 down, 750 kbps x 0.9 up) and a 4x CPU slowdown, through the DevTools
// protocol. Each load is cold (a new context, the cache cleared); the median of the runs is kept.
import { chromium, type Browser } from '@playwright/test';
import { round, type Lcp } from './results';

const NETWORK = { offline: false, latency: 150 * 3.75, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8 };
const CPU_SLOWDOWN = 4;
const CONDITIONS = 'slow 4G (562.5 ms latency, 1.44 Mbps down, 675 kbps up), 4x CPU slowdown, cold cache';

// The same flags as playwright.config.ts: without the background-networking ones Chromium keeps
// trying to reach the internet.
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

async function oneLoad(browser: Browser, url: string, cookie: string): Promise<number> {
  const context = await browser.newContext();
  try {
    await context.addCookies(cookie.split('; ').map((pair) => {
      const [name, ...value] = pair.split('=');
      return { name: name!, value: value.join('='), url: new URL(url).origin };
    }));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const response = await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    if (response?.status() !== 200 || new URL(page.url()).pathname !== new URL(url).pathname) {
      throw new Error(`The worklist answered ${response?.status()} at ${page.url()}`);
    }
    // LCP candidates are reported until the page is interacted with; a quiet second after load
    // lets the last one arrive. The buffered observer also sees those before it was made.
    return await page.evaluate(() => new Promise<number>((done, fail) => {
      let last = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) last = Math.max(last, entry.startTime);
      }).observe({ type: 'largest-contentful-paint', buffered: true });
      setTimeout(() => (last > 0 ? done(last) : fail(new Error('No largest-contentful-paint entry'))), 1000);
    }));
  } finally {
    await context.close();
  }
}

export async function measureLcp(baseUrl: string, cookie: string, runs: number): Promise<Lcp> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) times.push(round(await oneLoad(browser, `${baseUrl}/en/worklist`, cookie)));
    const sorted = [...times].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
    return { worklist_ms: round(median), runs_ms: times, conditions: CONDITIONS };
  } finally {
    await browser.close();
  }
}
