/** Sweeps: parameters by path with readable errors, points validated, tidy rows matching direct runs on common seeds. */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { parseParamFlag, sweepSpecFrom } from '../../src/experiments/sweepSpec.js';
import { planSweep, sweep } from '../../src/experiments/sweep.js';
import { sweepCsv, sweepRows, sweepSummaryRows } from '../../src/outputs/sweepTables.js';
import { SUMMARY_METRICS, SUMMARY_METRIC_BY_KEY } from '../../src/outputs/summaryMetrics.js';
import { deepMerge } from '../../src/scenario/merge.js';
import type { Params } from '../../src/scenario/schema.js';
import { parseSweepSection } from '../../src/experiments/sweepSection.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { fingerprint, TINY_YAML, tinyScenario } from './helpers.js';

const scenario = tinyScenario();

describe('sweep', () => {
  it('runs every point × replication on the scenario seeds, matching direct runs of the same parameters', async () => {
    const spec = { parameters: { 'journey.processQuality': [0.97, 0.99], 'acquisition.spendPerDay': { min: 0, max: 600, levels: 3 } } };
    const result = await sweep(scenario, spec, { workers: 1 });
    expect(result.points.map((p) => p.values)).toEqual([[0.97, 0], [0.97, 300], [0.97, 600], [0.99, 0], [0.99, 300], [0.99, 600]]);
    expect(result.runs.map((r) => r.map((x) => x.replication))).toEqual(Array(6).fill([0, 1]));

    const rows = sweepRows(result);
    expect(rows).toHaveLength(6 * 2 * SUMMARY_METRICS.length);
    const base = scenario.strategies[0].params;
    for (const [p, rep] of [[1, 0], [5, 1]]) {
      const [q, spend] = result.points[p].values as number[];
      const params = deepMerge(base, { journey: { processQuality: q }, acquisition: { spendPerDay: spend } }) as Params;
      const direct = simulate({ strategy: `point-${p}`, params, seed: scenario.seed, replication: rep, days: scenario.days });
      expect(fingerprint(result.runs[p][rep])).toBe(fingerprint(direct));
      for (const m of SUMMARY_METRICS) {
        const row = rows.find((r) => r.point === p && r.replication === rep && r.metric === m.key)!;
        expect(row.values).toEqual([q, spend]);
        expect(Object.is(row.value, m.extract(direct)) || row.value === m.extract(direct)).toBe(true);
      }
    }
  });

  it('uses common random numbers: a point equal to the baseline reproduces the baseline runs exactly', async () => {
    const q = scenario.strategies[0].params.journey.processQuality;
    const result = await sweep(scenario, { parameters: { 'journey.processQuality': [0.9, q] } }, { workers: 1 });
    const baseline = scenario.strategies[0];
    for (let rep = 0; rep < scenario.replications; rep++) {
      const direct = simulate({ strategy: 'point-1', params: baseline.params, seed: scenario.seed, replication: rep, days: scenario.days });
      expect(fingerprint(result.runs[1][rep])).toBe(fingerprint(direct));
    }
  });

  it('writes sweep.csv with one column per parameter and sweep-summary rows with intervals', async () => {
    const result = await sweep(scenario, { parameters: { 'market.size': { min: 300, max: 500 } }, design: 'lhs', points: 3, replications: 3 }, { workers: 1 });
    const lines = sweepCsv(result).trimEnd().split('\n');
    expect(lines[0]).toBe('point,market.size,replication,metric,value');
    expect(lines).toHaveLength(1 + 3 * 3 * SUMMARY_METRICS.length);
    for (const p of result.points) expect(Number.isInteger(p.values[0])).toBe(true);
    const summary = sweepSummaryRows(result).filter((r) => r.metric === 'finalCustomers');
    expect(summary).toHaveLength(3);
    for (const r of summary) {
      expect(r.n).toBe(3);
      expect(r.lo).toBeLessThanOrEqual(r.mean);
      expect(r.hi).toBeGreaterThanOrEqual(r.mean);
      const runs = result.runs[result.points.findIndex((p) => p.index === r.point)];
      expect(r.mean).toBeCloseTo(runs.reduce((s, run) => s + SUMMARY_METRIC_BY_KEY.finalCustomers.extract(run), 0) / 3, 9);
    }
  });

  it('sweeps a named strategy\'s parameters, over its own overrides', () => {
    const plan = planSweep(scenario, { parameters: { 'market.size': [500] }, strategy: 'promo' });
    expect(plan.points[0].params.acquisition.spendPerDay).toBe(900);
    expect(plan.points[0].params.market.size).toBe(500);
    expect(plan.jobs.map((j) => j.key)).toEqual(['point0|rep0', 'point0|rep1']);
  });
});

describe('sweep errors read clearly', () => {
  const plan = (parameters: Record<string, unknown>, extra: object = {}) => () => planSweep(scenario, { parameters, ...extra } as never);

  it('names a mistyped path and suggests the setting', () => {
    expect(plan({ 'journey.procesQuality': [1] })).toThrow('cannot sweep `journey.procesQuality`: `journey` has no `procesQuality`; did you mean `journey.processQuality`?');
    expect(plan({ 'jurney.processQuality': [1] })).toThrow(/no parameter section `jurney`; did you mean `journey`\?/);
  });

  it('refuses sections, scenario-wide settings, unknown strategies and ranges over text settings', () => {
    expect(plan({ journey: [1] })).toThrow(/`journey`: it is a section; name one of its settings, e\.g\. journey\./);
    expect(plan({ days: [10] })).toThrow(/the horizon is a scenario setting, not a parameter: use --days/);
    expect(plan({ 'wom.network.type': { min: 0, max: 1 } })).toThrow(/range needs a numeric setting/);
    expect(plan({ 'market.size': [500] }, { strategy: 'prmo' })).toThrow(/no strategy `prmo`.*did you mean `promo`\?/);
  });

  it('lists every invalid point with its values and the reason, including cross-field checks', () => {
    expect(plan({ 'journey.processQuality': [0.9, 1.5] })).toThrow(
      '1 of 2 sweep points are invalid parameters for strategy `baseline`:\n  point 1 (journey.processQuality=1.5): journey.processQuality: expected a number between 0 and 1, got 1.5',
    );
    expect(plan({ 'market.segments.price.share': [0.35, 0.5] })).toThrow(/point 1 \(market\.segments\.price\.share=0\.5\): market\.segments: segment shares sum to 1\.15, expected 1/);
    expect(plan({ 'wom.network.type': ['wattsStrogatz', 'smallWorld'] })).toThrow(/point 1 \(wom\.network\.type=smallWorld\): wom\.network\.type: expected one of/);
  });
});

describe('sweep flags', () => {
  it('parses lists, ranges and single values', () => {
    expect(parseParamFlag('journey.processQuality=0.97,0.98,0.99')).toEqual(['journey.processQuality', [0.97, 0.98, 0.99]]);
    expect(parseParamFlag('acquisition.spendPerDay=500:2000')).toEqual(['acquisition.spendPerDay', { min: 500, max: 2000 }]);
    expect(parseParamFlag('market.size=1000:5000:3')).toEqual(['market.size', { min: 1000, max: 5000, levels: 3 }]);
    expect(parseParamFlag('wom.network.type=fullyMixed, wattsStrogatz')).toEqual(['wom.network.type', ['fullyMixed', 'wattsStrogatz']]);
    expect(parseParamFlag('market.size=10_000')).toEqual(['market.size', [10000]]);
  });

  it('explains malformed flags', () => {
    expect(() => parseParamFlag('journey.processQuality')).toThrow(/expected path=values/);
    expect(() => parseParamFlag('a=2:1')).toThrow(/min 2 exceeds max 1/);
    expect(() => parseParamFlag('a=1:x')).toThrow(/two or three numbers/);
    expect(() => sweepSpecFrom(undefined, {})).toThrow(/nothing to sweep/);
    expect(() => sweepSpecFrom(undefined, { param: ['a=1', 'a=2'] })).toThrow(/given twice/);
  });

  it('lays flags over the scenario section; --param replaces its parameters', () => {
    const section = { parameters: { 'market.size': [500] }, design: 'lhs' as const, points: 7, metric: 'clv' };
    expect(sweepSpecFrom(section, { points: 9 })).toEqual({ parameters: { 'market.size': [500] }, design: 'lhs', points: 9, metric: 'clv' });
    expect(sweepSpecFrom(section, { param: ['journey.processQuality=0.9'] }).parameters).toEqual({ 'journey.processQuality': [0.9] });
  });
});

describe('the sweep: section', () => {
  const yaml = (sweepLines: string[]) => [...TINY_YAML.trimEnd().split('\n'), 'sweep:', ...sweepLines, ''].join('\n');

  it('is read with its defaults, and each problem is located by line and column', () => {
    expect(parseSweepSection(yaml(['  parameters:', '    journey.processQuality: [0.97, 0.99]']), 's.yaml')).toEqual({ parameters: { 'journey.processQuality': [0.97, 0.99] }, design: 'grid' });
    expect(parseSweepSection(TINY_YAML, 's.yaml')).toBeUndefined();
    const bad = () => parseSweepSection(yaml(['  parameters:', '    market.size: { min: 5, max: 1 }', '  design: lhss', '  pionts: 3']), 's.yaml');
    expect(bad).toThrow(ScenarioError);
    const text = (() => { try { bad(); } catch (e) { return (e as ScenarioError).format(); } })()!;
    expect(text).toMatch(/s\.yaml:16:11 +sweep\.design: expected one of grid or lhs, got "lhss"; did you mean `lhs`\?/);
    expect(text).toMatch(/s\.yaml:17:3 +sweep\.pionts: unknown key; did you mean `points`\?/);
    // Cross-field checks wait until every value is valid, as in scenario files.
    const range = () => parseSweepSection(yaml(['  parameters:', '    market.size: { min: 5, max: 1 }']), 's.yaml');
    expect(range).toThrow(/s\.yaml:15:5 +sweep\.parameters\.market\.size: min must not exceed max/);
  });

  it('is accepted in a scenario file', () => {
    expect(() => parseScenarioText(yaml(['  parameters:', '    journey.processQuality: [0.97, 0.99]']), 's.yaml')).not.toThrow();
  });
});
