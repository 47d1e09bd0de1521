/**
 * Calibration against figures of several strategies, with figures held out (issue 9, part 10):
 * a target `metric@strategy` reads that strategy's runs, the fitted values reach a strategy only
 * where it inherits them from the baseline, and held-out checks are reported, never fitted.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { calibrate, strategyPoint, type CalibrationTarget } from '../../src/experiments/calibrate.js';
import { evaluatePoints, getPath, meanFinite, objectiveOf, resolveRanges } from '../../src/experiments/objective.js';
import { SUMMARY_METRIC_BY_KEY } from '../../src/outputs/summaryMetrics.js';
import { cli, show } from '../cli/helpers.js';
import { params } from '../helpers/model.js';

const base = params({ market: { size: 400, initialCustomers: 100 }, acquisition: { spendPerDay: 100 }, wom: { network: { type: 'fullyMixed' } } });
const push = params({ market: { size: 400, initialCustomers: 100 }, acquisition: { spendPerDay: 400 }, wom: { network: { type: 'fullyMixed' } } });
const ranges = resolveRanges(base, [
  { path: 'journey.processQuality', min: 0.9, max: 0.999 },
  { path: 'acquisition.spendPerDay', min: 0, max: 200 },
]);

describe('a strategy at a candidate point', () => {
  it('takes the fitted values it inherited and keeps the ones it sets itself', () => {
    const p = strategyPoint(push, base, ranges, [0, 0.5]);
    expect(getPath(p, 'journey.processQuality')).toBe(0.9); // inherited: fitted
    expect(getPath(p, 'acquisition.spendPerDay')).toBe(400); // its lever: kept
    expect(strategyPoint(push, push, resolveRanges(push, [{ path: 'acquisition.spendPerDay', min: 0, max: 500 }]), [0])).not.toBe(push);
    const own = params({ market: { size: 400, initialCustomers: 100 }, journey: { processQuality: 0.95 }, acquisition: { spendPerDay: 400 } });
    expect(strategyPoint(own, base, ranges, [1, 1])).toBe(own); // sets both: untouched
  });
});

describe('targets on a strategy and held-out checks', () => {
  const ev = { seed: 6, replications: 2, days: 60, workers: 1 };
  const sat = SUMMARY_METRIC_BY_KEY.finalSatisfaction, customers = SUMMARY_METRIC_BY_KEY.finalCustomers;
  const fitOnly = ranges.ranges.slice(0, 1);
  const oneRange = resolveRanges(base, fitOnly);
  const targets: CalibrationTarget[] = [{ metric: 'finalSatisfaction', strategy: 'push', value: 7, scale: 0.1, weight: 1, extract: sat.extract }];
  const holdout: CalibrationTarget[] = [{ metric: 'finalCustomers', value: 150, scale: 10, weight: 1, extract: customers.extract }];
  const common = { base, ranges: oneRange, targets, strategies: [{ name: 'push', params: push }], evaluation: ev, maxEvaluations: 8, restarts: 0 };

  it("the objective is the strategy's own fit at the chosen point, and a held-out check changes nothing of the search", async () => {
    const [withHoldout, without] = await Promise.all([calibrate({ ...common, holdout }), calibrate(common)]);
    expect(withHoldout.parameters).toEqual(without.parameters);
    expect(withHoldout.objective).toBe(without.objective);
    expect(withHoldout.history.map((h) => h.f)).toEqual(without.history.map((h) => h.f));
    // Re-evaluate push at the fitted value: the same runs, so the same objective exactly.
    const x = [(withHoldout.parameters[0].value - 0.9) / (0.999 - 0.9)];
    const [[atPush], [atBase]] = await evaluatePoints([strategyPoint(push, base, oneRange, x), { ...base, journey: { ...base.journey, processQuality: withHoldout.parameters[0].value } }], [sat.extract, customers.extract], ev).then((v) => [[v[0][0]], [v[1][1]]]);
    expect(withHoldout.objective).toBe(objectiveOf(targets, [meanFinite(atPush)]));
    const [target, held] = withHoldout.fit;
    expect(target).toMatchObject({ metric: 'finalSatisfaction', strategy: 'push', role: 'target', simulated: meanFinite(atPush) });
    expect(held).toMatchObject({ metric: 'finalCustomers', strategy: '', role: 'held out', contribution: 0, simulated: meanFinite(atBase) });
    expect(held.residual).toBe(meanFinite(atBase) - 150);
  });
});

describe('`cxsim calibrate` with metric@strategy and --holdout', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cxsim-calstrat-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'tiny.yaml');
  writeFileSync(file, ['name: Tiny', 'seed: 3', 'days: 40', 'replications: 2', 'market: { size: 300, initialCustomers: 100 }', 'wom: { network: { type: fullyMixed } }', 'calibration:', '  parameters:', '    journey.processQuality: { min: 0.9, max: 0.999 }', '  targets:', '    finalSatisfaction@push: { value: 7.2, scale: 0.05 }', '    finalSatisfaction: { value: 7.3, scale: 0.05 }', '  holdout:', '    finalCustomers@push: 140', '  maxEvaluations: 8', 'strategies:', '  push: { acquisition: { spendPerDay: 50 } }', ''].join('\n'));

  it('fits both strategies, reports the held-out figure apart and records all of it in the manifest', async () => {
    const out = join(dir, 'out');
    const r = await cli('calibrate', file, '-o', out, '--quiet');
    expect(r.code, show(r)).toBe(0);
    const rows = readFileSync(join(out, 'fit.csv'), 'utf8').trim().split('\n').map((l) => l.split(',').slice(0, 4).join(','));
    expect(rows).toEqual(['metric,strategy,role,target', 'finalSatisfaction,push,target,7.2', 'finalSatisfaction,baseline,target,7.3', 'finalCustomers,push,held out,140']);
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(Object.keys(m.calibration.targets)).toEqual(['finalSatisfaction@push', 'finalSatisfaction']);
    expect(m.calibration.holdout).toEqual({ 'finalCustomers@push': { value: 140, scale: 140, weight: 1 } });
    expect(readFileSync(join(out, 'calibration.csv'), 'utf8').split('\n')[0]).toBe('evaluation,iteration,step,journey.processQuality,finalSatisfaction@push,finalSatisfaction,finalCustomers@push (held out),objective,best');
  });

  it('prints held-out checks under their own heading', async () => {
    const r = await cli('calibrate', file, '-o', join(dir, 'printed'), '--holdout', 'finalNps=10', '--max-evals', '3');
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toMatch(/Held out \(not fitted[^\n]*\n  finalNps: observed 10\.00, simulated /);
  });

  it('a target naming no strategy of the scenario is refused with a suggestion', async () => {
    const r = await cli('calibrate', file, '-o', join(dir, 'bad'), '-t', 'finalNps@psuh=10');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--target finalNps@psuh: no strategy `psuh` in the scenario');
    expect(r.stderr).toContain('push');
  });
});
