/**
 * Nelder–Mead converges on standard test functions, and calibration recovers the parameters that
 * generated synthetic targets.
 *
 * Recovery design: a 1,000-person fully mixed market over 180 days; the truth is
 * journey.processQuality = 0.97 and acquisition.spendPerDay = 300. Targets are the mean final
 * satisfaction and growth per year over 8 replications on seed 999; calibration fits them on
 * seed 1 with 4 replications (independent noise, as with real observations), from a start far off.
 *
 * Tolerance, derived in the test: near the truth θ the fitted θ̂ solves E(θ̂) + ε_sim = E(θ) + ε_obs,
 * so θ̂ − θ ≈ J⁻¹(ε_obs − ε_sim) with J the metrics' Jacobian (central differences on the
 * calibration seeds) and Cov(ε_obs − ε_sim) = Σ·(1/8 + 1/4), Σ the replication covariance of the
 * two metrics. We require |θ̂ − θ| ≤ 4·SE + 0.01 per parameter (unit coordinates: 0.01 = 1 % of the
 * range, for the optimiser's own tolerance and the step-like objective on fixed seeds); 4 SE is a
 * two-sided 6·10⁻⁵ tail per parameter under the linearisation. The test also checks that this band
 * is narrower than the distance from the start (so recovery is not vacuous), and — independent of
 * noise — that the fit is at least as good as the truth on the calibration seeds.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCalibrationFile } from '../../src/cli/commands/calibrate.js';
import { calibrate, calibratedScenarioText, DEFAULT_F_TOLERANCE, DEFAULT_X_TOLERANCE, type CalibrationResult, type CalibrationTarget } from '../../src/experiments/calibrate.js';
import { nelderMead } from '../../src/experiments/nelderMead.js';
import { evaluatePoints, meanFinite, objectiveOf, pointParams, resolveRanges, toUnit } from '../../src/experiments/objective.js';
import { calibrationChart } from '../../src/outputs/charts/calibration.js';
import { CollectingLogger, renderSvg } from '../../src/outputs/render.js';
import { SUMMARY_METRIC_BY_KEY } from '../../src/outputs/summaryMetrics.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { cli, listFiles, show } from '../cli/helpers.js';
import { params } from '../helpers/model.js';

describe('nelderMead', () => {
  it('converges on Rosenbrock (x = −2 + 4u, minimum at u = (0.75, 0.75))', async () => {
    const rosen = (u: number[]) => {
      const [x, y] = u.map((v) => -2 + 4 * v);
      return 100 * (y - x * x) ** 2 + (1 - x) ** 2;
    };
    const r = await nelderMead(rosen, [0.2, 0.8], { maxEvaluations: 2000, xTolerance: 1e-6, fTolerance: 1e-12 });
    expect(r.reason).toBe('converged');
    expect(Math.abs(r.x[0] - 0.75)).toBeLessThan(1e-4);
    expect(Math.abs(r.x[1] - 0.75)).toBeLessThan(1e-4);
    expect(r.f).toBeLessThan(1e-8);
  });

  it('converges on an ill-conditioned 5-D quadratic', async () => {
    const c = [0.1, 0.9, 0.5, 0.3, 0.7], w = [1, 10, 100, 3, 30];
    const r = await nelderMead((u) => u.reduce((s, v, i) => s + w[i] * (v - c[i]) ** 2, 0), [0.5, 0.5, 0.5, 0.5, 0.5], { maxEvaluations: 3000, xTolerance: 1e-7, fTolerance: 1e-14 });
    expect(r.reason).toBe('converged');
    r.x.forEach((v, i) => expect(Math.abs(v - c[i])).toBeLessThan(1e-4));
  });

  it('stays in the cube and finds a minimum on its boundary', async () => {
    const r = await nelderMead((u) => (u[0] + 0.5) ** 2 + (u[1] - 0.3) ** 2, [0.8, 0.8], { maxEvaluations: 500, xTolerance: 1e-7, fTolerance: 1e-14 });
    for (const h of r.history) for (const v of h.x) expect(v >= 0 && v <= 1).toBe(true);
    expect(r.x[0]).toBe(0);
    expect(Math.abs(r.x[1] - 0.3)).toBeLessThan(1e-4);
  });

  it('respects the evaluation budget, records a best-so-far that never rises, and is deterministic', async () => {
    const f = (u: number[]) => Math.sin(7 * u[0]) + Math.cos(5 * u[1]) + u[2];
    const r = await nelderMead(f, [0.5, 0.5, 0.5], { maxEvaluations: 17 });
    expect(r.reason).toBe('maxEvaluations');
    expect(r.evaluations).toBeLessThanOrEqual(17);
    expect(r.history.map((h) => h.evaluation)).toEqual(r.history.map((_, i) => i + 1));
    r.history.forEach((h, i) => i > 0 && expect(h.best).toBeLessThanOrEqual(r.history[i - 1].best));
    expect(await nelderMead(f, [0.5, 0.5, 0.5], { maxEvaluations: 17 })).toEqual(r);
  });

  it('restarts from the best point and stops when a restart finds nothing better', async () => {
    const r = await nelderMead((u) => (u[0] - 0.3) ** 2 + (u[1] - 0.6) ** 2, [0.9, 0.1], { restarts: 3, xTolerance: 1e-5, fTolerance: 1e-10, maxEvaluations: 1000 });
    expect(r.reason).toBe('converged');
    expect(r.restarts).toBeGreaterThanOrEqual(1);
    expect(r.history.filter((h) => h.step === 'initial').length).toBeGreaterThan(3);
  });
});

describe('calibration recovers the parameters behind synthetic targets', () => {
  const DAYS = 180;
  const base = params({ market: { size: 1000, initialCustomers: 250 }, acquisition: { spendPerDay: 100 }, wom: { network: { type: 'fullyMixed' } } });
  const ranges = resolveRanges(base, [
    { path: 'journey.processQuality', min: 0.9, max: 0.999 },
    { path: 'acquisition.spendPerDay', min: 0, max: 600 },
  ]);
  const truth = [0.97, 300];
  const truthU = ranges.ranges.map((r, i) => toUnit(r, truth[i]));
  const start = [0.93, 60];
  const extracts = [SUMMARY_METRIC_BY_KEY.finalSatisfaction.extract, SUMMARY_METRIC_BY_KEY.growthPerYear.extract];
  const ev = (seed: number, replications: number) => ({ seed, replications, days: DAYS, workers: 1 });
  const R_OBS = 8, R_SIM = 4;
  let targets: CalibrationTarget[];
  let fit: CalibrationResult;
  let se: number[];

  beforeAll(async () => {
    const [obs] = await evaluatePoints([pointParams(base, ranges, truthU)], extracts, ev(999, R_OBS));
    const sigma = covariance(obs);
    targets = ['finalSatisfaction', 'growthPerYear'].map((metric, i) => ({ metric, value: meanFinite(obs[i]), scale: Math.sqrt(sigma[i][i]), weight: 1, extract: extracts[i] }));
    const h = 0.1;
    const shifted = [[h, 0], [-h, 0], [0, h], [0, -h]].map((d) => truthU.map((u, i) => u + d[i]));
    const y = (await evaluatePoints(shifted.map((x) => pointParams(base, ranges, x)), extracts, ev(1, R_SIM))).map((p) => p.map(meanFinite));
    const jac = [0, 1].map((m) => [(y[0][m] - y[1][m]) / (2 * h), (y[2][m] - y[3][m]) / (2 * h)]);
    const inv = inverse2(jac);
    const noise = sigma.map((row) => row.map((v) => v * (1 / R_OBS + 1 / R_SIM)));
    se = [0, 1].map((i) => Math.sqrt([0, 1].reduce((s, a) => s + [0, 1].reduce((t, b) => t + inv[i][a] * noise[a][b] * inv[i][b], 0), 0)));
    fit = await calibrate({ base, ranges, targets, start, evaluation: ev(1, R_SIM), maxEvaluations: 80 });
  });

  it('the tolerance band is narrower than the distance the fit has to travel', () => {
    ranges.ranges.forEach((r, i) => expect(4 * se[i] + 0.01).toBeLessThan(Math.abs(toUnit(r, start[i]) - truthU[i])));
  });

  it('recovers processQuality and spendPerDay within 4 delta-method SE + 1 % of the range', () => {
    fit.parameters.forEach((p, i) => {
      const err = Math.abs(toUnit(ranges.ranges[i], p.value) - truthU[i]);
      expect(err, `${p.path} = ${p.value} vs ${truth[i]} (SE ${se[i].toFixed(3)} of the range)`).toBeLessThanOrEqual(4 * se[i] + 0.01);
    });
  });

  it('fits at least as well as the truth on the calibration seeds, and reports the fit', async () => {
    const [atTruth] = await evaluatePoints([pointParams(base, ranges, truthU)], extracts, ev(1, R_SIM));
    expect(fit.objective).toBeLessThanOrEqual(objectiveOf(targets, atTruth.map(meanFinite)));
    expect(fit.fit.map((r) => r.metric)).toEqual(['finalSatisfaction', 'growthPerYear']);
    expect(fit.fit.reduce((s, r) => s + r.contribution, 0)).toBeCloseTo(fit.objective, 9);
    for (const r of fit.fit) expect(r.lo).toBeLessThanOrEqual(r.simulated);
    expect(fit.history.length).toBe(fit.evaluations);
    expect(fit.history.at(-1)!.best).toBe(fit.objective);
  });
});

describe('calibratedScenarioText', () => {
  const source = ['# my market', 'name: Test', 'days: 30 # a month', 'market: { size: 500, initialCustomers: 100 }', 'strategies:', '  push:', '    acquisition: { spendPerDay: 900 }', ''].join('\n');

  it('writes the values into the baseline, keeps comments, and the file loads with them', () => {
    const text = calibratedScenarioText(source, [{ path: 'market.initialCustomers', value: 120 }, { path: 'journey.processQuality', value: 0.975 }], { note: ['Calibrated by a test'], settings: { days: 60 } });
    expect(text).toContain('# my market');
    expect(text).toContain('# Calibrated by a test');
    expect(text).toMatch(/initialCustomers: 120 # calibrated \(was 100\)/);
    expect(text.indexOf('journey:')).toBeLessThan(text.indexOf('strategies:'));
    const s = parseScenarioText(text, 'calibrated.yaml');
    expect(s.days).toBe(60);
    for (const st of s.strategies) {
      expect(st.params.journey.processQuality).toBe(0.975);
      expect(st.params.market.initialCustomers).toBe(120);
    }
    expect(s.strategies[1].params.acquisition.spendPerDay).toBe(900);
  });
});

describe('the calibration chart, the `calibration:` section and `cxsim calibrate`', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cxsim-calibrate-'));
  const scenarioText = [
    '# tiny market',
    'name: Tiny',
    'seed: 3',
    'days: 40',
    'replications: 2',
    'market: { size: 300, initialCustomers: 100 }',
    'wom: { network: { type: fullyMixed } }',
    'calibration:',
    '  parameters:',
    '    journey.processQuality: { min: 0.9, max: 0.999 }',
    '  targets:',
    '    finalSatisfaction: { value: 7.3, scale: 0.05 }',
    '  maxEvaluations: 12',
    'strategies:',
    '  push: { acquisition: { spendPerDay: 50 } }',
    '',
  ].join('\n');

  it('reads the section, and blanks it for validation so other problems keep their line', () => {
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, scenarioText.replace('  push: {', '  push: { market: { size: -5 },'));
    const { section, scenarioText: blanked } = readCalibrationFile(file);
    expect(section?.targets.finalSatisfaction).toEqual({ value: 7.3, scale: 0.05, weight: 1 });
    expect(section?.maxEvaluations).toBe(12);
    expect(blanked.split('\n')).toHaveLength(scenarioText.split('\n').length);
    expect(() => parseScenarioText(blanked, file)).toThrow(/broken\.yaml:15:/);
  });

  it('locates a problem inside the section', () => {
    const file = join(dir, 'bad-section.yaml');
    writeFileSync(file, scenarioText.replace('maxEvaluations: 12', 'maxEvaluation: 12'));
    try {
      readCalibrationFile(file);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      expect((e as ScenarioError).problems[0]).toMatchObject({ line: 13, path: 'calibration.maxEvaluation' });
    }
  });

  it('blanks the section of a JSON scenario with its comma', () => {
    const file = join(dir, 'tiny.json');
    writeFileSync(file, JSON.stringify({ name: 'J', calibration: { parameters: { 'journey.processQuality': { min: 0.9, max: 0.99 } }, targets: { finalNps: 10 } }, days: 5 }, null, 1));
    const s = parseScenarioText(readCalibrationFile(file).scenarioText, file);
    expect(s.days).toBe(5);
  });

  it('chart compiles and renders without warnings', async () => {
    const r = await nelderMead((u) => (u[0] - 0.4) ** 2 + 0.01, [0.9], { maxEvaluations: 30 });
    const result: CalibrationResult = { parameters: [{ path: 'a.b', value: 0.4 }], objective: r.f, reason: r.reason, evaluations: r.evaluations, iterations: r.iterations, restarts: 0, history: r.history.map((h) => ({ ...h, values: h.x, simulated: [h.f] })), fit: [{ metric: 'finalNps', strategy: '', role: 'target', target: 40, simulated: 38, lo: 35, hi: 41, scale: 4, weight: 1, residual: -2, contribution: 0.25 }, { metric: 'finalNps', strategy: 'pilot', role: 'held out', target: 45, simulated: 41, lo: 39, hi: 43, scale: 5, weight: 1, residual: -4, contribution: 0 }] };
    const spec = calibrationChart({ name: 'Chart test', description: '', seed: 1, days: 10, replications: 2, strategies: [{ name: 'pilot', label: 'Pilot team' }] } as never, result, [SUMMARY_METRIC_BY_KEY.finalNps], ['test']);
    const logger = new CollectingLogger();
    compile(spec, { logger });
    expect(await renderSvg(spec, logger)).toContain('Calibration — Chart test');
    expect(logger.messages).toEqual([]);
  });

  it('`cxsim calibrate` writes the history, the fit, a calibrated scenario that loads, the chart and a manifest', async () => {
    const file = join(dir, 'tiny.yaml');
    writeFileSync(file, scenarioText);
    const out = join(dir, 'out');
    const r = await cli('calibrate', file, '-o', out, '--target', 'finalSatisfaction=7.3:0.05', '--target', 'growthPerYear=20:50:0.1');
    expect(r.code, show(r)).toBe(0);
    expect(listFiles(out)).toEqual(['calibrated.yaml', 'calibration.csv', 'charts/calibration.svg', 'charts/calibration.vl.json', 'fit.csv', 'manifest.json']);
    expect(readFileSync(join(out, 'calibration.csv'), 'utf8').split('\n')[0]).toBe('evaluation,iteration,step,journey.processQuality,finalSatisfaction,growthPerYear,objective,best');
    expect(readFileSync(join(out, 'fit.csv'), 'utf8')).toMatch(/^metric,strategy,role,target,simulated,lo95,hi95,residual,scale,weight,contribution\nfinalSatisfaction,baseline,target,7\.3,/);
    const calibrated = readFileSync(join(out, 'calibrated.yaml'), 'utf8');
    expect(calibrated).toContain('# tiny market');
    const s = parseScenarioText(readCalibrationFile(join(out, 'calibrated.yaml')).scenarioText, 'calibrated.yaml');
    const fitted = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(fitted.calibration.maxEvaluations).toBe(12);
    expect(s.strategies[1].params.journey.processQuality).not.toBe(0.99);
    expect(s.strategies[1].params.journey.processQuality).toBe(s.strategies[0].params.journey.processQuality);
    rmSync(dir, { recursive: true, force: true });
  });
});

function covariance(rows: number[][]): number[][] {
  const n = rows[0].length;
  const m = rows.map(meanFinite);
  return rows.map((a, i) => rows.map((b, j) => a.reduce((s, v, k) => s + (v - m[i]) * (b[k] - m[j]), 0) / (n - 1)));
}

function inverse2([[a, b], [c, d]]: number[][]): number[][] {
  const det = a * d - b * c;
  return [[d / det, -b / det], [-c / det, a / det]];
}

describe('the convergence stop of calibrate', () => {
  // A small market so each candidate costs milliseconds; targets from a known point.
  const base = params({ market: { size: 400, initialCustomers: 100 }, acquisition: { spendPerDay: 100 }, wom: { network: { type: 'fullyMixed' } } });
  const ranges = resolveRanges(base, [
    { path: 'journey.processQuality', min: 0.9, max: 0.999 },
    { path: 'acquisition.spendPerDay', min: 0, max: 600 },
  ]);
  const extracts = [SUMMARY_METRIC_BY_KEY.finalSatisfaction.extract, SUMMARY_METRIC_BY_KEY.growthPerYear.extract];
  const ev = { seed: 4, replications: 2, days: 60, workers: 1 };

  it(`stops when the simplex is within ${DEFAULT_X_TOLERANCE} of each range and the objectives within ${DEFAULT_F_TOLERANCE}, long before the budget, at the point the old 1e-3/1e-6 stop reached later`, async () => {
    const [at] = await evaluatePoints([pointParams(base, ranges, [0.6, 0.4])], extracts, { ...ev, seed: 9 });
    const targets = ['finalSatisfaction', 'growthPerYear'].map((metric, i) => ({ metric, value: meanFinite(at[i]), scale: Math.abs(meanFinite(at[i])) || 1, weight: 1, extract: extracts[i] }));
    const common = { base, ranges, targets, start: [0.95, 50], evaluation: ev, maxEvaluations: 200 };
    const now = await calibrate(common);
    const old = await calibrate({ ...common, xTolerance: 1e-3, fTolerance: 1e-6 });
    expect(now.reason).toBe('converged');
    // The finer stop implies the coarser one, so the coarse stop never takes longer; on a landscape
    // flat at the optimum (a simulation on fixed seeds is a step function) both can stop together.
    expect(now.evaluations).toBeLessThanOrEqual(old.evaluations);
    expect(now.evaluations).toBeLessThan(150);
    // What the extra evaluations bought: nothing beyond the stop's own tolerances.
    expect(now.objective - old.objective).toBeLessThanOrEqual(DEFAULT_F_TOLERANCE);
    now.parameters.forEach((p, i) => expect(Math.abs(toUnit(ranges.ranges[i], p.value) - toUnit(ranges.ranges[i], old.parameters[i].value)), p.path).toBeLessThanOrEqual(5 * DEFAULT_X_TOLERANCE));
  });
});
