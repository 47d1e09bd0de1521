/**
 * Verdicts (src/experiments/verdicts.ts): robust / leans / depends on X / not distinguishable, across
 * seeds and the plausible range of the parameters a verdict may hinge on.
 */
import { describe, expect, it } from 'vitest';
import { adjustPerPoint, judge, spearman, verdicts } from '../../src/experiments/verdicts.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { SUMMARY_METRIC_BY_KEY } from '../../src/outputs/summaryMetrics.js';

const d = (meanDiff: number, distinguishable: boolean) => ({ meanDiff, lo: meanDiff - 1, hi: meanDiff + 1, n: 5, distinguishable, p: distinguishable ? 0.01 : 0.5 });

describe('the verdict rule', () => {
  it('robust when distinguishable with one sign everywhere; depends when not; not distinguishable when never', () => {
    expect(judge([d(3, true), d(5, true)])).toEqual({ verdict: 'robust', sign: 1 });
    expect(judge([d(3, true), d(-2, true)]).verdict).toBe('depends');
    expect(judge([d(3, true), d(0.1, false)]).verdict).toBe('depends');
    expect(judge([d(0.1, false), d(-0.2, false)])).toEqual({ verdict: 'not distinguishable', sign: 0 });
  });

  it('leans when only some points are distinguishable but every estimate is on one side, within one half-width of the others', () => {
    // Half-widths are 1 here: estimates 3 and 2.5 (spread 0.5) lean +; 3 and 0.1 (spread 2.9) depend; 3 and −0.5 change side.
    expect(judge([d(3, true), d(2.5, false)])).toEqual({ verdict: 'leans', sign: 1 });
    expect(judge([d(-3, true), d(-2, false), d(-2.2, true)])).toEqual({ verdict: 'leans', sign: -1 });
    expect(judge([d(3, true), d(0.1, false)]).verdict).toBe('depends');
    expect(judge([d(0.4, true), d(-0.5, false)]).verdict).toBe('depends');
  });

  it('Holm at each point: p = 0.03 and 0.04 are each below 0.05 alone, neither is after adjusting (0.06, 0.06); 0.001 stays', () => {
    const cell = (p: number) => ({ meanDiff: 1, lo: 0.1, hi: 1.9, n: 5, distinguishable: true, p });
    const diffs = [[[cell(0.03), cell(0.001)]], [[cell(0.04), cell(0.001)]]];
    adjustPerPoint(diffs, 2);
    expect(diffs.map((s) => s[0].map((c) => c.distinguishable))).toEqual([[false, true], [false, true]]);
  });

  it("Spearman's ρ: ±1 for monotone, 0 for a constant side", () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 25, 90])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    expect(spearman([1, 2, 3], [5, 5, 5])).toBe(0);
  });
});

describe('verdicts on a small market', () => {
  const scenario = parseScenarioText(
    `name: Verdicts
seed: 7
days: 180
replications: 4
market: { size: 3000, initialCustomers: 600 }
service: { model: simple }
strategies:
  same: { label: Nothing changes }
  marketing:
    acquisition: { spendPerDay: 600 }
`,
    'verdicts.yaml',
  );
  const metrics = ['finalCustomers', 'cumulativeProfit'].map((k) => SUMMARY_METRIC_BY_KEY[k as 'finalCustomers']);
  const result = verdicts(scenario, {
    ranges: [{ path: 'economics.marginPerCustomerPerYear', min: 50, max: 3000 }],
    points: 6,
    metrics,
    seed: scenario.seed,
    replications: scenario.replications,
    days: scenario.days,
    workers: 1,
  });
  const row = async (strategy: string, metric: string) => (await result).rows.find((r) => r.strategy === strategy && r.metric === metric)!;

  it('a strategy that changes nothing is not distinguishable', async () => {
    expect((await row('same', 'finalCustomers')).verdict).toBe('not distinguishable');
    expect((await row('same', 'cumulativeProfit')).verdict).toBe('not distinguishable');
  });

  it('marketing buys customers whatever the margin: robust', async () => {
    expect(await row('marketing', 'finalCustomers')).toMatchObject({ verdict: 'robust', sign: 1 });
  });

  it('whether it pays depends on the margin, and the verdict names it', async () => {
    const r = await row('marketing', 'cumulativeProfit');
    expect(r.verdict).toBe('depends');
    expect(r.hinge).toBe('economics.marginPerCustomerPerYear');
    expect(r.lowest).toBeLessThan(0);
    expect(r.highest).toBeGreaterThan(0);
  });
});
