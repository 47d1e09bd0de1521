/**
 * Refreshes the README's screenshots from the current model, in Debian's Chromium (playwright-core):
 *   npm start                                   # writes output/default/compare/
 *   node docs/img/refresh.mjs [output/default/compare]
 * The chart images (chart-*.png) are copies of that folder's charts/*.png; report.png and
 * report-decision.png are its report.html (the top, and from the verdicts); studio.png is
 * `cxsim studio` after its first comparison has settled.
 */
import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const folder = resolve(process.argv[2] ?? 'output/default/compare');
const img = (name) => join('docs', 'img', name);
for (const [from, to] of [['paired', 'chart-paired'], ['tradeoff', 'chart-tradeoff'], ['nps', 'chart-nps']]) copyFileSync(join(folder, 'charts', `${from}.png`), img(`${to}.png`));

const browser = await chromium.launch({ executablePath: process.env.CXSIM_CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`file://${join(folder, 'report.html')}`);
  await page.waitForSelector('.vega-embed svg, .vega-embed canvas');
  await page.screenshot({ path: img('report.png') });
  await page.locator('ul.verdicts').scrollIntoViewIfNeeded();
  await page.evaluate(() => document.querySelector('ul.verdicts')?.previousElementSibling?.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => window.scrollBy(0, -140)); // the sticky strategy bar stays on top
  await page.screenshot({ path: img('report-decision.png') });

  const port = 4900 + Math.floor(Math.random() * 90);
  const studio = spawn(process.execPath, ['bin/cxsim.js', 'studio', '--no-open', '--port', String(port)], { stdio: 'ignore' });
  try {
    const s = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    for (let k = 0; ; k++) {
      try {
        await s.goto(`http://127.0.0.1:${port}/`);
        break;
      } catch (e) {
        if (k > 100) throw e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    await s.waitForFunction(() => window.cxsimStudio?.done === true, null, { timeout: 120_000 });
    await s.screenshot({ path: img('studio.png') });
  } finally {
    studio.kill();
  }
} finally {
  await browser.close();
}
console.log('refreshed docs/img from', folder);
