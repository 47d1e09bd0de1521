/**
 * Sobol indices match analytic values on the standard test functions.
 *
 * - Ishigami (a = 7, b = 0.1, inputs uniform on [−π, π]): S = (0.3139, 0.4424, 0),
 *   ST = (0.5576, 0.4424, 0.2437) (Saltelli et al. 2010; Ishigami & Homma 1990).
 * - Sobol g-function, a = (0, 1, 4.5, 9, 99, 99): Vᵢ = 1/(3(1 + aᵢ)²), V = Π(1 + Vᵢ) − 1,
 *   Sᵢ = Vᵢ/V, STᵢ = Vᵢ·Π_{j≠i}(1 + Vⱼ)/V.
 *
 * Tolerance: 4 bootstrap standard errors, SE ≈ (hi − lo)/(2·1.96) from the 95 % percentile
 * interval (two-sided normal tail 6·10⁻⁵ per index; 24 indices → family-wise ≥ 99.8 %), plus 0.005
 * for the bootstrap's own noise in estimating the SE. The indices are checked against those bands,
 * and the bands are checked to be narrow enough (≤ 0.1) to tell the indices apart.
 */
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { sobol, sobolAnalyse, sobolDesign } from '../../src/experiments/sobol.js';
import { sobolTornado } from '../../src/outputs/charts/tornado.js';
import { CollectingLogger, renderSvg } from '../../src/outputs/render.js';
import { SUMMARY_METRIC_BY_KEY } from '../../src/outputs/summaryMetrics.js';

const ishigami = (x: number[]) => {
  const [a, b, c] = x.map((v) => -Math.PI + 2 * Math.PI * v);
  return Math.sin(a) + 7 * Math.sin(b) ** 2 + 0.1 * c ** 4 * Math.sin(a);
};
const ISHIGAMI = { first: [0.3139, 0.4424, 0], total: [0.5576, 0.4424, 0.2437] };

const G_A = [0, 1, 4.5, 9, 99, 99];
const gFunction = (x: number[]) => x.reduce((p, v, i) => (p * (Math.abs(4 * v - 2) + G_A[i])) / (1 + G_A[i]), 1);
function gTruth() {
  const v = G_A.map((a) => 1 / (3 * (1 + a) ** 2));
  const total = v.reduce((p, vi) => p * (1 + vi), 1) - 1;
  return { first: v.map((vi) => vi / total), total: v.map((vi, i) => (vi * v.reduce((p, vj, j) => (j === i ? p : p * (1 + vj)), 1)) / total) };
}

const Z = 4;
const within = (est: number, lo: number, hi: number, truth: number) => Math.abs(est - truth) <= Z * ((hi - lo) / 3.92) + 0.005;

describe.each([
  ['Ishigami', ishigami, 3, ISHIGAMI],
  ['g-function', gFunction, 6, gTruth()],
] as const)('sobol indices of the %s function', (_name, f, k, truth) => {
  it('first-order and total indices within 4 bootstrap SE of the analytic values', async () => {
    const r = await sobol(f, k, { n: 8192, seed: 1 });
    r.indices.forEach((s, i) => {
      expect(within(s.first, s.firstLo, s.firstHi, truth.first[i]), `S${i + 1} = ${s.first} [${s.firstLo}, ${s.firstHi}] vs ${truth.first[i]}`).toBe(true);
      expect(within(s.total, s.totalLo, s.totalHi, truth.total[i]), `ST${i + 1} = ${s.total} [${s.totalLo}, ${s.totalHi}] vs ${truth.total[i]}`).toBe(true);
      expect(s.firstHi - s.firstLo).toBeLessThan(0.1);
      expect(s.totalHi - s.totalLo).toBeLessThan(0.1);
      expect(s.firstLo).toBeLessThanOrEqual(s.first + 1e-12);
      expect(s.totalHi).toBeGreaterThanOrEqual(s.total - 1e-12);
    });
  });
});

describe('sobol estimators', () => {
  it('an additive linear function far from 0: Sᵢ ≈ STᵢ ≈ cᵢ²/Σc², an inert factor gets exactly 0 total', async () => {
    const c = [3, 2, 1, 0];
    const r = await sobol((x) => 1000 + x.reduce((s, v, i) => s + c[i] * v, 0), 4, { n: 4096, seed: 2, bootstrap: 200 });
    const share = c.map((ci) => ci ** 2 / 14);
    r.indices.forEach((s, i) => {
      expect(within(s.first, s.firstLo, s.firstHi, share[i]), `S${i + 1} = ${s.first} vs ${share[i]}`).toBe(true);
      expect(within(s.total, s.totalLo, s.totalHi, share[i]), `ST${i + 1} = ${s.total} vs ${share[i]}`).toBe(true);
    });
    expect(r.indices[3].total).toBe(0);
  });

  it('a constant output has indices 0, not NaN', () => {
    const r = sobolAnalyse(2, new Array(4 * 10).fill(5), { n: 10, seed: 1, bootstrap: 10 });
    expect(r.indices.every((s) => s.first === 0 && s.total === 0)).toBe(true);
  });

  it('is determined by the seed; A_B^i differs from A in column i only', () => {
    const d = sobolDesign(3, { n: 5, seed: 4 });
    expect(d).toHaveLength(25);
    expect(sobolDesign(3, { n: 5, seed: 4 })).toEqual(d);
    expect(sobolDesign(3, { n: 5, seed: 5 })).not.toEqual(d);
    const [a, b] = [d.slice(0, 5), d.slice(5, 10)];
    for (let i = 0; i < 3; i++)
      d.slice((2 + i) * 5, (3 + i) * 5).forEach((row, j) => row.forEach((v, col) => expect(v).toBe(col === i ? b[j][col] : a[j][col])));
  });

  it('refuses undefined outputs rather than silently dropping rows', () => {
    const y = new Array(4 * 3).fill(1);
    y[4] = NaN;
    expect(() => sobolAnalyse(2, y, { n: 3, seed: 1 })).toThrow(/not a finite number/);
  });
});

describe('sobol tornado chart', () => {
  it('ranks by total index, shows intervals, compiles and renders without warnings', async () => {
    const r = await sobol(ishigami, 3, { n: 256, seed: 1, bootstrap: 50 });
    const ranges = ['a.x1', 'a.x2', 'a.x3'].map((path) => ({ path, min: 0, max: 1 }));
    const spec = sobolTornado({ name: 'Chart test', description: '', seed: 1, days: 10, replications: 2, strategies: [] }, SUMMARY_METRIC_BY_KEY.clv, ranges, r, ['test']);
    const layers = (spec as { layer: { encoding: { y: { sort: unknown } } }[] }).layer;
    expect(layers).toHaveLength(2);
    expect(layers[0].encoding.y.sort).toEqual({ field: 'rank', op: 'min' });
    expect((spec as { data: { values: { parameter: string; rank: number }[] } }).data.values.find((v) => v.rank === 1)?.parameter).toBe('a.x1 (0–1)');
    const logger = new CollectingLogger();
    compile(spec, { logger });
    const svg = await renderSvg(spec, logger);
    expect(svg).toContain('Sensitivity: Customer lifetime value — Chart test');
    expect(svg.indexOf('>a.x1 (0–1)<')).toBeGreaterThan(0);
    expect(svg.indexOf('>a.x1 (0–1)<')).toBeLessThan(Math.min(svg.indexOf('>a.x2 (0–1)<'), svg.indexOf('>a.x3 (0–1)<')));
    expect(logger.messages).toEqual([]);
  });
});
