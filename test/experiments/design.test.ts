/** Designs: grid size and order, Latin hypercube stratification and seeding. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridDesign, gridLevels, lhsDesign, type Dimension } from '../../src/experiments/design.js';
import { stream } from '../../src/random/streams.js';

const range = (path: string, min: number, max: number, integer = false): Dimension => ({ path, values: { min, max }, integer });

describe('grid', () => {
  it('has as many points as the product of the list lengths, the first dimension varying slowest', () => {
    const dims: Dimension[] = [
      { path: 'a', values: [1, 2, 3], integer: false },
      { path: 'b', values: ['x', 'y'], integer: false },
      { path: 'c', values: [true, false], integer: false },
    ];
    const points = gridDesign(dims);
    expect(points).toHaveLength(3 * 2 * 2);
    expect(points.slice(0, 3)).toEqual([[1, 'x', true], [1, 'x', false], [1, 'y', true]]);
    expect(new Set(points.map((p) => JSON.stringify(p))).size).toBe(12);
  });

  it('takes evenly spaced levels from a range, ends included; whole-number ranges are rounded and merged', () => {
    expect(gridLevels({ path: 'a', values: { min: 500, max: 2000, levels: 4 }, integer: false })).toEqual([500, 1000, 1500, 2000]);
    expect(gridLevels(range('a', 0, 1), 3)).toEqual([0, 0.5, 1]);
    expect(gridLevels({ path: 'n', values: { min: 1, max: 3, levels: 5 }, integer: true })).toEqual([1, 2, 3]);
    expect(gridDesign([range('a', 0, 1), range('b', 0, 1)], 4)).toHaveLength(16);
  });
});

describe('Latin hypercube', () => {
  it('puts exactly one point in each of the n strata of every dimension, inside the range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 5 }), fc.nat(), (n, d, seed) => {
        const dims = Array.from({ length: d }, (_, j) => range(`p${j}`, -j, 10 + j));
        const points = lhsDesign(dims, n, stream(seed, 'test'));
        expect(points).toHaveLength(n);
        dims.forEach((dim, j) => {
          const { min, max } = dim.values as { min: number; max: number };
          const strata = points.map((p) => Math.floor(((p[j] as number) - min) / ((max - min) / n)));
          expect([...strata].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, k) => k));
        });
      }),
      { numRuns: 60 },
    );
  });

  it('is the same design for the same seed and a different one for another seed', () => {
    const dims = [range('a', 0, 1), range('b', 100, 200)];
    const a = lhsDesign(dims, 10, stream(1, 'sweep', 'lhs'));
    expect(lhsDesign(dims, 10, stream(1, 'sweep', 'lhs'))).toEqual(a);
    expect(lhsDesign(dims, 10, stream(2, 'sweep', 'lhs'))).not.toEqual(a);
  });

  it('draws list levels stratified too, and rounds whole-number parameters', () => {
    const points = lhsDesign([{ path: 'kind', values: ['a', 'b'], integer: false }, range('n', 1, 1000, true)], 4, stream(5, 'x'));
    expect(points.map((p) => p[0]).sort()).toEqual(['a', 'a', 'b', 'b']);
    for (const p of points) expect(Number.isInteger(p[1])).toBe(true);
  });

  it('refuses a number of points that is not a whole number ≥ 1', () => {
    expect(() => lhsDesign([range('a', 0, 1)], 0, stream(1))).toThrow(/whole number/);
  });
});
