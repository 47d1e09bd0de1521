/**
 * cxsim studio in Debian's Chromium: it loads, runs in web workers, and gives exactly the numbers
 * `cxsim compare` gives in Node for the same scenario, seed and levers (the tweaked scenario it
 * offers as YAML, run in Node); a lever move re-runs and lands in the address; a hostile strategy
 * name stays text; a dropped broken file shows the CLI's located problems.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiments/networkCache.js';
import { SUMMARY_METRICS } from '../../src/outputs/summaryMetrics.js';
import { pairedRows, summaryRows } from '../../src/outputs/tables.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { studioFiles } from '../../src/studio/bundle.js';
import { serveStudio, type Running } from '../../src/studio/server.js';
import { launch, RUN_BROWSER_TESTS, watch, type Watched } from './chromium.js';
import { HOSTILE, SCENARIO_TEXT } from './fixture.js';

interface StudioHandle {
  ready: boolean;
  done: boolean;
  runs: number;
  summary: unknown[];
  paired: unknown[];
  yaml: () => string;
}
const studio = (page: Page) => page.evaluate(() => {
  const s = (window as unknown as { cxsimStudio: StudioHandle }).cxsimStudio;
  return { summary: s.summary, paired: s.paired, yaml: s.yaml(), runs: s.runs };
});
const settled = (page: Page) => page.waitForFunction(() => (window as unknown as { cxsimStudio?: StudioHandle }).cxsimStudio?.done === true, null, { timeout: 60_000 });

/** What `cxsim compare` computes in Node for the studio's YAML, for the baseline and the strategy the studio compares. */
function nodeCompare(yaml: string, strategy: string) {
  const scenario = parseScenarioText(yaml, 'studio.yaml');
  const pair = { ...scenario, strategies: scenario.strategies.filter((s) => s.name === 'baseline' || s.name === strategy) };
  const results = runScenario(pair);
  return JSON.parse(JSON.stringify({ summary: summaryRows(pair, results), paired: pairedRows(pair, results) }));
}

describe.runIf(RUN_BROWSER_TESTS)('cxsim studio in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let server: Running;
  let watched: Watched;
  let dir: string;
  const dialogs: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cxsim-studio-'));
    writeFileSync(join(dir, 'browser.yaml'), SCENARIO_TEXT);
    server = await serveStudio(await studioFiles(join(dir, 'browser.yaml')), 0);
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    watched = watch(page);
    page.on('dialog', (d) => (dialogs.push(d.message()), d.dismiss()));
    await page.goto(`${server.url}#scenario=browser&from=promo&set=acquisition.spendPerDay%3D800&replications=4`);
    await settled(page);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the what-if from the address and gives the numbers compare gives in Node, exactly', async () => {
    const s = await studio(page);
    expect(s.runs).toBe(8);
    expect(s.yaml).toContain('promo-studio:');
    const node = nodeCompare(s.yaml, 'promo-studio');
    expect(JSON.parse(JSON.stringify({ summary: s.summary, paired: s.paired }))).toEqual(node);
    expect(node.summary.filter((r: { strategy: string }) => r.strategy === 'promo-studio')).toHaveLength(SUMMARY_METRICS.length); // every summary metric, for the what-if too
    expect(watched.errors).toEqual([]);
    expect(watched.requests.every((u) => u.startsWith(server.url))).toBe(true);
  });

  it('re-runs when a lever moves, puts the lever in the address, and still matches Node', async () => {
    const before = await studio(page);
    await page.fill('#lever-filter', 'employees');
    const box = page.locator('.lever[data-path="service.employees"] input.lever-value');
    await box.fill('3');
    await box.dispatchEvent('change');
    await page.waitForFunction(() => location.hash.includes('service.employees'));
    await settled(page);
    const after = await studio(page);
    expect(after.summary).not.toEqual(before.summary);
    expect(await page.evaluate(() => decodeURIComponent(location.hash))).toContain('set=service.employees=3');
    expect(after.yaml).toMatch(/employees: 3/);
    expect(JSON.parse(JSON.stringify({ summary: after.summary, paired: after.paired }))).toEqual(nodeCompare(after.yaml, 'promo-studio'));
    expect(await page.locator('[data-chart="paired"] svg').count()).toBe(1);
    expect(watched.errors).toEqual([]);
  });

  it('downloads the what-if as YAML (what it shows) and the view as a report', async () => {
    const [yamlFile] = await Promise.all([page.waitForEvent('download'), page.click('#download-yaml')]);
    const yaml = readFileSync((await yamlFile.path())!, 'utf8');
    expect(yaml).toBe((await studio(page)).yaml);
    expect(yamlFile.suggestedFilename()).toBe('browser-studio.yaml');
    const [reportFile] = await Promise.all([page.waitForEvent('download'), page.click('#download-report')]);
    const html = readFileSync((await reportFile.path())!, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('Marketing push (what-if)');
    expect(html).toContain('browser-studio.yaml');
    expect(html).toContain('data-chart="paired"');
    // It opens offline, every chart drawn, like the report compare writes.
    const copy = join(dir, 'studio-report.html');
    writeFileSync(copy, html);
    const offline = await browser.newPage();
    const seen = watch(offline);
    await offline.goto(pathToFileURL(copy).href);
    await offline.waitForSelector('body[data-rendered]', { timeout: 30_000 });
    expect(await offline.getAttribute('body', 'data-rendered')).toBe('true');
    expect(seen.errors).toEqual([]);
    expect(seen.requests).toEqual([pathToFileURL(copy).href]);
    await offline.close();
  });

  it('shows a hostile strategy name as text', async () => {
    await page.selectOption('#strategy', 'hostile');
    await settled(page);
    // The table is redrawn asynchronously after the runs: wait for the header to name the strategy.
    await page.waitForFunction((name) => [...document.querySelectorAll('table.paired th')].some((th) => th.textContent === name), HOSTILE, { timeout: 30_000 });
    expect(await page.locator('table.paired th').allTextContents()).toContain(HOSTILE);
    expect(await page.locator('#strategy option:checked').textContent()).toBe(HOSTILE);
    expect(dialogs).toEqual([]);
    expect(await page.$$eval('img', (x) => x.length)).toBe(0);
  });

  it('validates a dropped file with the schema and shows the located problems the CLI prints', async () => {
    const broken = ['name: Broken', 'days: 30', 'journey:', '  procesQuality: 0.9', 'market: { size: 100, initialCustomers: 500 }', ''].join('\n');
    let cli = '';
    try {
      parseScenarioText(broken, 'broken.yaml');
    } catch (e) {
      cli = (e as ScenarioError).format();
    }
    expect(cli).toMatch(/broken\.yaml:4:3 +journey\.procesQuality: unknown key; did you mean `processQuality`\?/);
    const drop = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'broken.yaml', { type: 'text/yaml' }));
      return dt;
    }, broken);
    await page.dispatchEvent('body', 'drop', { dataTransfer: drop });
    await page.waitForSelector('#problems:not([hidden])');
    expect(await page.textContent('#problems')).toBe(cli);
    // A good file replaces the scenario and runs.
    const good = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'good.yaml', { type: 'text/yaml' }));
      return dt;
    }, 'name: Dropped market\ndays: 20\nreplications: 2\nmarket: { size: 300, initialCustomers: 100 }\nstrategies:\n  push: { label: Push, acquisition: { spendPerDay: 900 } }\n');
    await page.dispatchEvent('body', 'drop', { dataTransfer: good });
    await page.waitForFunction(() => document.getElementById('scenario-name')?.textContent === 'Dropped market');
    await settled(page);
    expect(await page.isHidden('#problems')).toBe(true);
    expect(await page.evaluate(() => location.hash)).toContain('text=');
    expect(watched.errors).toEqual([]);
  });
});
