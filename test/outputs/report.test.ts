/** report.html: self-contained (no URL it could load), escaped, complete, and the same bytes from `cxsim report` as from compare. */
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFromFolder } from '../../src/outputs/report/folder.js';
import { esc, money, scriptJson } from '../../src/outputs/report/html.js';
import { forReport, HIDDEN_PARAM } from '../../src/outputs/report/interactive.js';
import { CHARTS } from '../../src/outputs/charts/index.js';
import { UserError } from '../../src/scenario/errors.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { cli, show } from '../cli/helpers.js';
import { HOSTILE, writeFixtureFolder } from '../browser/fixture.js';
import { makeResults, makeScenario } from './fixtures.js';

let dir: string;
let scenario: Scenario;
let html: string;
beforeAll(async () => {
  ({ dir, scenario } = await writeFixtureFolder());
  html = readFileSync(join(dir, 'report.html'), 'utf8');
}, 60_000);
afterAll(() => rmSync(dirname(dir), { recursive: true, force: true }));

describe('report.html', () => {
  it('loads nothing from outside: no src/href URL, a policy that forbids connections, vega inlined', () => {
    // The markup around the inlined scripts: no element that loads anything.
    const markup = html.replace(/<script>[\s\S]*?<\/script>/g, '<script></script>').replace(/<script type="application\/json"[\s\S]*?<\/script>/, '');
    expect(/<(script|img|link|iframe|object|embed)[^>]*\s(src|href|data)=/i.test(markup)).toBe(false);
    expect(markup).toContain("default-src 'none'");
    expect(markup).not.toContain('connect-src');
    for (const [pkg, lib] of [['vega', 'vega.min.js'], ['vega-lite', 'vega-lite.min.js'], ['vega-embed', 'vega-embed.min.js']]) {
      const code = readFileSync(join('node_modules', pkg, 'build', lib), 'utf8');
      expect(html.includes(code.slice(0, 2000)), lib).toBe(true);
    }
  });

  it('escapes every name from the scenario file', () => {
    expect(html).not.toContain(HOSTILE);
    expect(html).toContain(esc(HOSTILE));
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('<h1>Browser test &lt;b&gt;market&lt;/b&gt;</h1>');
    // Inside the chart data the name is JSON with < escaped, so it cannot close the script element.
    expect(html.match(/<\/script>/g)).toHaveLength(5);
  });

  it('shows each strategy with its description and spend, the verdicts, the summary with intervals and how to reproduce', () => {
    for (const s of scenario.strategies) expect(html).toContain(`data-strategy="${esc(s.label)}"`);
    expect(html).toContain('Twice the marketing.');
    expect(html).toMatch(/Verdicts against Baseline/);
    expect(html).toMatch(/\d[\d,]* CHF/); // the scenario's currency, a code after the number
    expect(html).toContain('0.0.0-test');
    expect(html).toContain(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).scenarioHash);
    expect(html).toContain('@media print');
  });

  it('is rebuilt byte for byte from the folder by `cxsim report`, and listed in the manifest', async () => {
    expect(await reportFromFolder(dir)).toBe(html);
    const r = await cli('report', dir, '--out', join(dir, 'again.html'));
    expect(r.code, show(r)).toBe(0);
    expect(readFileSync(join(dir, 'again.html'), 'utf8')).toBe(html);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.files.map((f: { path: string }) => f.path)).toContain('report.html');
  }, 60_000);

  it('on a folder without a manifest says what it needs, as a user error (one line, no stack trace)', async () => {
    await expect(reportFromFolder(dirname(dir))).rejects.toThrow(UserError);
    await expect(reportFromFolder(dirname(dir))).rejects.toThrow(/no manifest\.json here; give the output folder of `cxsim compare` or `cxsim run`/);
  });
});

describe('report helpers', () => {
  it('put the currency before a symbol and after a code', () => {
    expect(money(1234.4, '€')).toBe('€1,234');
    expect(money(-50, '$')).toBe('-$50');
    expect(money(1234, 'CHF')).toBe('1,234 CHF');
  });
  it('write JSON that cannot end a script element', () => {
    expect(scriptJson({ a: '</script><!--' })).not.toMatch(/<\/|<!/);
    expect(JSON.parse(scriptJson({ a: '</script>' }))).toEqual({ a: '</script>' });
  });
  it('make every chart filter hidden strategies where its data enters, and drop strategy legends', () => {
    const s = makeScenario(), results = makeResults();
    for (const c of CHARTS) {
      const spec = forReport(c.build(s, results)) as unknown as Record<string, unknown>;
      const text = JSON.stringify(spec);
      expect(spec.params, c.file).toEqual([{ name: HIDDEN_PARAM, value: [] }]);
      expect(text.match(/indexof\(cxsimHidden, datum\.strategy\)/g)?.length, c.file).toBe(text.match(/"values":\[/g)?.length);
      expect(text, c.file).not.toMatch(/"field":"strategy"[^}]*"legend":\{/);
    }
  });
});
