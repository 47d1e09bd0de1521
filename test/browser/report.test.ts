/**
 * report.html in Debian's Chromium, opened from file:// as from a USB stick: every chart renders,
 * no console error, no request beyond the file itself, a hostile strategy name shows as text, and
 * unticking a strategy removes it from every chart and table at once.
 */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartsFor } from '../../src/outputs/charts/index.js';
import { colourByName } from '../../src/outputs/palette.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { launch, RUN_BROWSER_TESTS, watch, type Watched } from './chromium.js';
import { HOSTILE, writeFixtureFolder } from './fixture.js';

describe.runIf(RUN_BROWSER_TESTS)('report.html in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let watched: Watched;
  let dir: string;
  let scenario: Scenario;
  let url: string;
  const dialogs: string[] = [];

  beforeAll(async () => {
    ({ dir, scenario } = await writeFixtureFolder());
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    watched = watch(page);
    page.on('dialog', (d) => (dialogs.push(d.message()), d.dismiss()));
    url = pathToFileURL(join(dir, 'report.html')).href;
    await page.goto(url);
    await page.waitForSelector('body[data-rendered]', { timeout: 60_000 });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dirname(dir), { recursive: true, force: true });
  });

  it('renders every chart with marks, with no console error and no request but the file itself', async () => {
    expect(await page.getAttribute('body', 'data-rendered')).toBe('true');
    const charts = chartsFor(scenario.strategies.length).map((c) => c.file);
    const drawn = await page.$$eval('[data-chart]', (els) => els.map((el) => ({ chart: el.getAttribute('data-chart'), marks: el.querySelectorAll('svg path, svg line, svg text').length })));
    expect(drawn.map((d) => d.chart)).toEqual(charts);
    for (const d of drawn) expect(d.marks, d.chart!).toBeGreaterThan(20);
    expect(watched.errors).toEqual([]);
    expect(watched.requests).toEqual([url]);
  });

  it('shows a hostile strategy name and description as text, running none of it', async () => {
    expect(dialogs).toEqual([]);
    expect(await page.$$eval('script', (s) => s.length)).toBe(5); // vega, vega-lite, vega-embed, chart data, client
    expect(await page.$$eval('img', (s) => s.length)).toBe(0);
    const cells = await page.$$eval('#strategies td strong', (els) => els.map((e) => e.textContent));
    expect(cells).toContain(HOSTILE);
    expect(await page.textContent('h1')).toBe('Browser test <b>market</b>');
    expect(await page.textContent('#strategies')).toContain('<img src=x onerror="alert(1)"> fixes the basics');
  });

  it('unticking a strategy hides it in every chart and table at once; "Show all" brings it back', async () => {
    const colour = colourByName(scenario).get('hostile')!;
    const marksInColour = () =>
      page.$$eval(
        '[data-chart]',
        (els, c) => els.map((el) => ({ chart: el.getAttribute('data-chart'), n: [...el.querySelectorAll('svg *')].filter((m) => m.getAttribute('fill') === c || m.getAttribute('stroke') === c).length })),
        colour,
      );
    const before = await marksInColour();
    for (const b of before) expect(b.n, `${b.chart} draws the strategy before`).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: HOSTILE }).uncheck();
    await page.waitForTimeout(300);
    for (const a of await marksInColour()) expect(a.n, `${a.chart} after hiding`).toBe(0);
    expect(await page.isHidden(`#summary tr[data-strategy="${HOSTILE.replace(/"/g, '\\"')}"]`)).toBe(true);
    await page.click('#show-all');
    await page.waitForTimeout(300);
    for (const b of await marksInColour()) expect(b.n, `${b.chart} after showing all`).toBeGreaterThan(0);
    expect(watched.errors).toEqual([]);
  });

  it('prints one chart per page, without the toggles', async () => {
    await page.emulateMedia({ media: 'print' });
    const breaks = await page.$$eval('section.chart', (els) => els.map((e) => getComputedStyle(e).breakBefore));
    expect(breaks.length).toBeGreaterThan(5);
    expect(new Set(breaks)).toEqual(new Set(['page']));
    expect(await page.$$eval('.toggles input', (els) => els.every((e) => getComputedStyle(e).display === 'none'))).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });
});
