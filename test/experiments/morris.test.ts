/**
 * Morris screening recovers known orders of influence: exactly on linear functions (every
 * elementary effect of a linear f is its coefficient, so μ* = |c| and σ = 0 up to rounding), and
 * on the Sobol g-function with a = (0, 1, 4.5, 9, 99, 99), whose importance falls with aᵢ
 * (first-order variance ∝ 1/(3(1 + aᵢ)²)). On the model, a parameter that cannot move the metric
 * gets μ* = 0 exactly, because every design point runs on the same seeds.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { morris, morrisDesign, morrisModel, designPoints, rankDescending } from '../../src/experiments/morris.js';
import { resolveRanges } from '../../src/experiments/objective.js';
import { morrisTornado } from '../../src/outputs/charts/tornado.js';
import { CollectingLogger, renderSvg } from '../../src/outputs/render.js';
import { SUMMARY_METRIC_BY_KEY } from '../../src/outputs/summaryMetrics.js';
import { cli, listFiles, show } from '../cli/helpers.js';
import { params } from '../helpers/model.js';

const G_A = [0, 1, 4.5, 9, 99, 99];
const gFunction = (x: number[]) => x.reduce((p, v, i) => (p * (Math.abs(4 * v - 2) + G_A[i])) / (1 + G_A[i]), 1);

describe('morris design', () => {
  const d = morrisDesign(5, { r: 30, levels: 6, seed: 7 });

  it('has Δ = p/(2(p − 1)) and r trajectories of k + 1 grid points', () => {
    expect(d.delta).toBeCloseTo(6 / 10, 15);
    expect(d.trajectories).toHaveLength(30);
    for (const t of d.trajectories) {
      expect(t.points).toHaveLength(6);
      for (const p of t.points) for (const v of p) expect(Number.isInteger(Math.round(v * 5)) && Math.abs(v * 5 - Math.round(v * 5)) < 1e-12 && v >= 0 && v <= 1).toBe(true);
    }
  });

  it('moves every factor exactly once per trajectory, by ±Δ, and nothing else', () => {
    for (const t of d.trajectories) {
      expect([...t.factors].sort()).toEqual([0, 1, 2, 3, 4]);
      t.factors.forEach((i, j) => {
        const diff = t.points[j + 1].map((v, c) => v - t.points[j][c]);
        diff.forEach((dv, c) => (c === i ? expect(Math.abs(Math.abs(dv) - d.delta)).toBeLessThan(1e-12) : expect(dv).toBe(0)));
      });
    }
  });

  it('uses every level, in both directions (points are uniform on the grid)', () => {
    const seen = new Set(designPoints(d).flat().map((v) => Math.round(v * 5)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    const ups = d.trajectories.flatMap((t) => t.factors.map((i, j) => Math.sign(t.points[j + 1][i] - t.points[j][i])));
    expect(ups.filter((s) => s > 0).length).toBeGreaterThan(40); // 150 moves, half up on average (binomial SD ≈ 6)
    expect(ups.filter((s) => s < 0).length).toBeGreaterThan(40);
  });

  it('is determined by the seed', () => {
    expect(morrisDesign(5, { r: 30, levels: 6, seed: 7 })).toEqual(d);
    expect(morrisDesign(5, { r: 30, levels: 6, seed: 8 })).not.toEqual(d);
  });

  it('rejects odd levels (Δ would fall between grid points) and bad sizes', () => {
    expect(() => morrisDesign(3, { r: 4, levels: 5, seed: 1 })).toThrow(/even/);
    expect(() => morrisDesign(0, { r: 4, levels: 4, seed: 1 })).toThrow(/k must/);
    expect(() => morrisDesign(3, { r: 0, levels: 4, seed: 1 })).toThrow(/trajectories/);
  });
});

describe('morris on functions with known effects', () => {
  it('linear f = 10·x1 + 5·x2 + 1·x3 + 0·x4: μ* = |c| and μ = c exactly, σ = 0, ranked 1–4', async () => {
    const c = [10, 5, 1, 0];
    const r = await morris((x) => x.reduce((s, v, i) => s + c[i] * v, 0), 4, { r: 10, levels: 4, seed: 1 });
    r.indices.forEach((s, i) => {
      expect(Math.abs(s.muStar - c[i])).toBeLessThan(1e-12);
      expect(Math.abs(s.mu - c[i])).toBeLessThan(1e-12);
      expect(s.sigma).toBeLessThan(1e-12);
      expect(s.n).toBe(10);
    });
    expect(r.ranks).toEqual([1, 2, 3, 4]);
  });

  it('negative coefficients: μ keeps the sign, μ* ranks by size', async () => {
    const c = [-3, 2, -7];
    const r = await morris((x) => x.reduce((s, v, i) => s + c[i] * v, 0), 3, { r: 6, levels: 8, seed: 3 });
    r.indices.forEach((s, i) => {
      expect(Math.abs(s.mu - c[i])).toBeLessThan(1e-12);
      expect(Math.abs(s.muStar - Math.abs(c[i]))).toBeLessThan(1e-12);
    });
    expect(r.ranks).toEqual([2, 3, 1]);
  });

  it('an interaction shows in σ, not in μ* alone: f = x1·x2 has σ > 0 for both factors', async () => {
    const r = await morris((x) => x[0] * x[1], 3, { r: 20, levels: 4, seed: 2 });
    expect(r.indices[0].sigma).toBeGreaterThan(0.1);
    expect(r.indices[1].sigma).toBeGreaterThan(0.1);
    expect(r.indices[2].muStar).toBe(0);
  });

  it.each([1, 2, 3, 4, 5])('Sobol g-function, a = (0, 1, 4.5, 9, 99, 99): x1 > x2 > x3 > x4 > {x5, x6} (seed %i)', async (seed) => {
    const r = await morris(gFunction, 6, { r: 20, levels: 4, seed });
    expect(r.ranks.slice(0, 4)).toEqual([1, 2, 3, 4]);
    expect([...r.ranks.slice(4)].sort()).toEqual([5, 6]);
    // The two a = 99 factors are near-inert: under 2 % of x1's μ*.
    expect(Math.max(r.indices[4].muStar, r.indices[5].muStar)).toBeLessThan(0.02 * r.indices[0].muStar);
  });

  it('accepts async functions and gives the same result as the synchronous one', async () => {
    const sync = await morris(gFunction, 6, { r: 5, levels: 4, seed: 9 });
    const asyncR = await morris(async (x) => gFunction(x), 6, { r: 5, levels: 4, seed: 9 });
    expect(asyncR).toEqual(sync);
  });

  it('ranks NaN last and ties in factor order', () => {
    expect(rankDescending([1, NaN, 3, 1])).toEqual([2, 4, 1, 3]);
  });
});

describe('morris on the model (common random numbers)', () => {
  // A small market: 600 people, 90 days. economics.fixedCostPerDay changes profit, never customers' experience.
  const base = params({ market: { size: 600, initialCustomers: 200 }, acquisition: { spendPerDay: 100 }, wom: { network: { type: 'fullyMixed' } } });
  const ranges = resolveRanges(base, [
    { path: 'journey.processQuality', min: 0.9, max: 0.999 },
    { path: 'economics.fixedCostPerDay', min: 0, max: 500 },
    { path: 'journey.frustrationRate', min: 0, max: 0.2 },
  ]);
  const run = () =>
    morrisModel({ base, ranges, metric: SUMMARY_METRIC_BY_KEY.finalSatisfaction.extract, r: 4, levels: 4, seed: 11, evaluation: { seed: 5, replications: 2, days: 90, workers: 1 } });

  it('an inert parameter gets μ* = 0 exactly; quality and frustrations move satisfaction; same seed, same numbers', async () => {
    const a = await run();
    expect(a.indices[1].muStar).toBe(0);
    expect(a.indices[1].sigma).toBe(0);
    expect(a.indices[0].muStar).toBeGreaterThan(0.05);
    expect(a.indices[2].muStar).toBeGreaterThan(0.05);
    expect(a.ranks[1]).toBe(3);
    // Better processes and fewer frustrations raise satisfaction in every trajectory's step.
    expect(a.indices[0].mu).toBeGreaterThan(0);
    expect(a.indices[2].mu).toBeLessThan(0);
    expect(a.replicationValues).toHaveLength(4 * 4);
    const b = await run();
    expect(b.y).toEqual(a.y);
    expect(b.indices).toEqual(a.indices);
  });
});

describe('tornado chart and `cxsim sensitivity`', () => {
  const scenario = { name: 'Chart test', description: '', seed: 1, days: 10, replications: 2, strategies: [] };
  const metric = SUMMARY_METRIC_BY_KEY.finalNps;
  const ranges = ['a.x', 'a.y', 'a.z'].map((path) => ({ path, min: 0, max: 1 }));

  it('ranks bars by μ*, compiles and renders without warnings', async () => {
    const r = await morris((x) => 3 * x[1] + x[0] * x[2], 3, { r: 6, levels: 4, seed: 1 });
    const spec = morrisTornado(scenario, metric, ranges, r, ['test']);
    // Ranked by a numeric field (labels never go into an expression): a.y has rank 1, and is drawn first.
    expect((spec as { layer: { encoding: { y: { sort: unknown } } }[] }).layer[0].encoding.y.sort).toEqual({ field: 'rank', op: 'min' });
    expect((spec as { data: { values: { parameter: string; rank: number }[] } }).data.values.find((v) => v.rank === 1)?.parameter).toBe('a.y (0–1)');
    const logger = new CollectingLogger();
    compile(spec, { logger });
    const svg = await renderSvg(spec, logger);
    expect(svg.indexOf('>a.y (0–1)<')).toBeGreaterThan(0);
    expect(svg.indexOf('>a.y (0–1)<')).toBeLessThan(Math.min(svg.indexOf('>a.x (0–1)<'), svg.indexOf('>a.z (0–1)<')));
    expect(logger.messages).toEqual([]);
    expect(svg).toContain('Sensitivity: Final Net Promoter Score — Chart test');
  });

  it('writes sensitivity.csv, effects.csv, the chart and a manifest; an unknown metric is a one-line error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxsim-sensitivity-'));
    const file = join(dir, 'small.yaml');
    writeFileSync(file, 'name: Tiny\nseed: 3\ndays: 30\nreplications: 2\nmarket: { size: 300, initialCustomers: 100 }\nwom: { network: { type: fullyMixed } }\n');
    const [ok, bad, typo] = await Promise.all([
      cli('sensitivity', file, '-p', 'journey.processQuality=0.95:0.999', '-p', 'economics.fixedCostPerDay=0:100', '--trajectories', '3', '--workers', '1', '--metric', 'finalSatisfaction', '-o', join(dir, 'out')),
      cli('sensitivity', file, '-p', 'journey.processQuality=0.95:0.999', '--metric', 'finalNPS', '-o', join(dir, 'bad')),
      cli('sensitivity', file, '-p', 'journey.procesQuality=0.95:0.999', '-o', join(dir, 'bad')),
    ]);
    expect(ok.code, show(ok)).toBe(0);
    expect(listFiles(join(dir, 'out'))).toEqual(['charts/sensitivity.svg', 'charts/sensitivity.vl.json', 'effects.csv', 'manifest.json', 'sensitivity.csv']);
    const csv = readFileSync(join(dir, 'out', 'sensitivity.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('parameter,min,max,mu,muStar,sigma,rank,effects');
    expect(csv[2]).toMatch(/^economics\.fixedCostPerDay,0,100,0,0,0,2,3$/);
    expect(readFileSync(join(dir, 'out', 'effects.csv'), 'utf8').trim().split('\n')).toHaveLength(1 + 3 * 2);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('did you mean `finalNps`?');
    expect(typo.stderr).toContain('journey.processQuality');
    rmSync(dir, { recursive: true, force: true });
  });
});
