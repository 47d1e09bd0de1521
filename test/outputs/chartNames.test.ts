/**
 * Chart data never becomes Vega code: labels that would break an expression (Object.prototype
 * names, U+2028, quotes) or its parser's stack (a thousand strategies) render, and characters SVG
 * cannot hold are neutralised even in a scenario built in code (past the schema).
 */
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { emptySeries, type RunResult } from '../../src/model/metrics.js';
import { CHARTS } from '../../src/outputs/charts/index.js';
import { renderSvg } from '../../src/outputs/render.js';
import type { Params, Scenario } from '../../src/scenario/schema.js';
import { makeResults, makeScenario } from './fixtures.js';

/** The fixture's scenario and results with the strategies' labels replaced. */
function relabelled(labels: string[]): { scenario: Scenario; results: RunResult[] } {
  const base = makeScenario({ strategies: labels.length });
  return { scenario: { ...base, strategies: base.strategies.map((s, i) => ({ ...s, label: labels[i] })) }, results: makeResults({ strategies: labels.length }) };
}

/** Every Vega expression the compiled spec holds. */
function expressions(spec: unknown): string[] {
  const out: string[] = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) (k === 'expr' || k === 'signal' || k === 'test') && typeof v === 'string' ? out.push(v) : walk(v);
  };
  walk(spec);
  return out;
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;

describe('strategy labels in charts', () => {
  it('Object.prototype names, quotes and U+2028 as labels: every chart renders, and no label appears inside an expression', async () => {
    const labels = ['constructor', 'toString', 'valueOf', '"quoted" \' label', 'line\u2028separator'];
    const { scenario, results } = relabelled(labels);
    for (const chart of CHARTS) {
      const spec = chart.build(scenario, results);
      const code = expressions(compile(spec).spec).join('\n');
      for (const l of labels) expect(code, `${chart.file}: ${l}`).not.toContain(JSON.stringify(l).slice(1, -1));
      const svg = await renderSvg(spec);
      expect(svg, chart.file).toMatch(/^<svg[\s\S]*<\/svg>$/);
      expect(svg).toContain('constructor');
      expect(svg).not.toMatch(CONTROL);
    }
  });

  it('control characters and escape sequences in a label (a scenario built in code) become U+FFFD: every SVG stays valid XML text', async () => {
    const { scenario, results } = relabelled(['Base\u0000line', 'bell\u0007', 'esc\u001b[2J', 'del\u007f', 'rtl\u202eoverride']);
    const named = { ...scenario, name: 'Scenario\u001b]0;title\u0007' };
    for (const chart of CHARTS) {
      const svg = await renderSvg(chart.build(named, results));
      expect(svg, chart.file).not.toMatch(CONTROL);
      expect(svg).not.toContain('\u202e');
    }
  });

  it('1,300 strategies render (an expression listing every label used to overflow the stack past ~1,200)', async () => {
    const n = 1300;
    const scenario: Scenario = { name: 'Many', description: '', seed: 1, days: 3, replications: 2, strategies: Array.from({ length: n }, (_, i) => ({ name: i === 0 ? 'baseline' : `s${i}`, label: `Strategy ${i}`, description: '', params: {} as Params })) };
    const results: RunResult[] = scenario.strategies.flatMap((s, k) =>
      [0, 1].map((replication) => {
        const series = emptySeries(3);
        for (let d = 0; d <= 3; d++) {
          series.customers[d] = 100 + k + replication;
          series.nps[d] = (k % 50) - 25;
          series.problems[d] = d;
          series.complaintsHeard[d] = d / 2;
        }
        return { strategy: s.name, replication, days: 3, series, totals: { clv: 10 + k, costPerAcquisition: NaN, cohortValue: 0 } } as unknown as RunResult;
      }),
    );
    for (const file of ['comparison', 'complaints', 'kpi-gap']) {
      const svg = await renderSvg(CHARTS.find((c) => c.file === file)!.build(scenario, results));
      expect(svg, file).toContain('>Strategy 1299<');
    }
  }, 120_000);
});
