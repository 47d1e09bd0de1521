/**
 * Adoption: the geometric skipper and the adoption hazard (docs/MODEL.md §12).
 *
 * The skipper must produce, at the indices asked about, independent Bernoulli(h) outcomes:
 * - the number of hits among N asked indices is Binomial(N, h): tolerance 4.4·√(N·h(1 − h));
 * - the gaps between hits (in asked positions) are Geometric(h) on {1, 2, …}: mean 1/h, variance
 *   (1 − h)/h², so the mean of k gaps is within 4.4·√((1 − h)/(h²·k)) of 1/h; P(gap = 1) = h
 *   within 4.4·√(h(1 − h)/k);
 * - asking only some indices (others passed over), or interleaving two skippers on one random
 *   stream as the engine does, must not change that.
 * Every check is two-sided at 1.1·10⁻⁵; with about 120 checks the family-wise confidence is
 * ≥ 99.8%. h = 0 and h = 1 are exact. Both sampling strategies (geometric skipping, one draw
 * per asked index) are run for every h.
 *
 * adoptionHazard is checked exactly: h = p + q_a·(a⁺ − ν·a⁻) + q_m·(σ⁺ − ν·σ⁻), clamped to [0, 1].
 *
 * The dense advocacy pass gives each person on the adoptable list one Bernoulli(h) trial, those
 * with no advocacy around them (h = p, or p·winBack when churned) through a countdown of
 * Geometric(p) gaps: per class of person the hits over R repetitions are Binomial(R·N_class, h),
 * checked at 4.4 SD like the rest. An off-by-one in the countdown (rate 1/(1/p + 1)) is 12 SD
 * away at p = 0.2.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { adoption, adoptionHazard, advocacyDense, advocacyThinned, type AdvocacyPass } from '../../src/model/mechanisms/adoption.js';
import { CHURNED, CUSTOMER, PROSPECT, RIVAL } from '../../src/model/lifecycle.js';
import { hitsAt, newSkipper } from '../../src/random/bernoulli.js';
import { params } from '../helpers/model.js';

const Z = 4.4;
const rngOf = (key: string) => seedrandom.alea(`adoption-test|${key}`) as () => number;

/** Outcomes of a skipper asked at `asked` (increasing indices); `askedShare` is its tuning hint. */
function outcomes(h: number, asked: ArrayLike<number>, rng: () => number, askedShare?: number): Uint8Array {
  const s = newSkipper(h, rng, askedShare);
  const out = new Uint8Array(asked.length);
  for (let k = 0; k < asked.length; k++) out[k] = hitsAt(s, asked[k], rng) ? 1 : 0;
  return out;
}

function checkBernoulli(hits: Uint8Array, h: number, label: string): void {
  const n = hits.length;
  let count = 0;
  const gaps: number[] = [];
  let last = -1;
  for (let k = 0; k < n; k++) {
    if (hits[k] === 0) continue;
    count++;
    gaps.push(k - last);
    last = k;
  }
  if (h === 0) return void expect(count, label).toBe(0);
  if (h === 1) return void expect(count, label).toBe(n);
  expect(Math.abs(count - n * h), `${label}: count`).toBeLessThanOrEqual(Z * Math.sqrt(n * h * (1 - h)));
  const k = gaps.length;
  const meanGap = gaps.reduce((a, b) => a + b, 0) / k;
  expect(Math.abs(meanGap - 1 / h), `${label}: mean gap`).toBeLessThanOrEqual(Z * Math.sqrt((1 - h) / (h * h * k)));
  const ones = gaps.filter((g) => g === 1).length / k;
  expect(Math.abs(ones - h), `${label}: P(gap = 1)`).toBeLessThanOrEqual(Z * Math.sqrt((h * (1 - h)) / k));
}

const HS = [0, 0.0005, 0.01, 0.05, 0.3, 0.9, 1];
// The sampler skips geometrically or draws one uniform per asked index, chosen from h and the
// share of indices it will be asked about; both must give the same distribution. A huge hint
// makes skipping worthwhile for every h, a tiny one direct draws, the true share whichever the
// heuristic prefers — so every h is tested under both strategies without relying on which
// one the heuristic picks.
const HINTS: [string, number | undefined][] = [['default hint', undefined], ['skipping', 1e9], ['direct', 1e-9]];
const CASES = HS.flatMap((h) => HINTS.map(([mode, hint]) => [h, mode, hint] as const));

describe('geometric skipper (hitsAt)', () => {
  const N = 200_000;
  const all = Int32Array.from({ length: N }, (_, i) => i);

  it.each(CASES)('asked at every index 0…N−1: Bernoulli(%f), %s', (h, mode, hint) => {
    checkBernoulli(outcomes(h, all, rngOf(`all|${h}|${mode}`), hint), h, `h = ${h}, ${mode}`);
  });

  it.each(CASES)('asked at a subset only (others passed over): still Bernoulli(%f) at the asked ones, %s', (h, mode, hint) => {
    // Every third index, plus a random 20% of the rest, chosen independently of the skipper.
    const pick = rngOf(`pick|${h}|${mode}`);
    const asked = all.filter((i) => i % 3 === 0 || pick() < 0.2);
    expect(asked.length).toBeGreaterThan(0.4 * N);
    checkBernoulli(outcomes(h, asked, rngOf(`subset|${h}|${mode}`), hint ?? asked.length / N), h, `h = ${h}, subset, ${mode}`);
  });

  it('two skippers interleaved on one stream, on disjoint index sets, are each Bernoulli', () => {
    const rng = rngOf('interleaved');
    const [h1, h2] = [0.02, 0.4];
    const a = newSkipper(h1, rng, 0.5), b = newSkipper(h2, rng, 1e9); // b forced to skip
    const side = rngOf('sides');
    const hitsA: number[] = [], hitsB: number[] = [];
    for (let i = 0; i < N; i++) {
      // An extra draw now and then, as the engine's individual adoption draws do.
      if (i % 7 === 0) rng();
      if (side() < 0.5) hitsA.push(hitsAt(a, i, rng) ? 1 : 0);
      else hitsB.push(hitsAt(b, i, rng) ? 1 : 0);
    }
    checkBernoulli(Uint8Array.from(hitsA), h1, 'A');
    checkBernoulli(Uint8Array.from(hitsB), h2, 'B');
  });
});

describe('adoptionHazard', () => {
  const cfg = adoption.compile(params({ acquisition: { organicInfluence: 0.01 }, wom: { advocacyInfluence: 0.2, messageInfluence: 0.3, negativeWeight: 1.5 } }));

  it('is p + q_a·(a⁺ − ν·a⁻) + q_m·(σ⁺ − ν·σ⁻) inside [0, 1]', () => {
    expect(adoptionHazard(cfg, 0, 0, 0, 0)).toBeCloseTo(0.01, 14);
    expect(adoptionHazard(cfg, 0.5, 0.1, 0, 0)).toBeCloseTo(0.01 + 0.2 * (0.5 - 0.15), 14);
    expect(adoptionHazard(cfg, 0, 0, 0.4, 0.2)).toBeCloseTo(0.01 + 0.3 * (0.4 - 0.3), 14);
    expect(adoptionHazard(cfg, 0.3, 0.1, 0.2, 0.05)).toBeCloseTo(0.01 + 0.2 * 0.15 + 0.3 * 0.125, 14);
  });

  it('negative word of mouth lowers it', () => {
    expect(adoptionHazard(cfg, 0.4, 0.1, 0, 0)).toBeLessThan(adoptionHazard(cfg, 0.4, 0, 0, 0));
    expect(adoptionHazard(cfg, 0, 0, 0.4, 0.1)).toBeLessThan(adoptionHazard(cfg, 0, 0, 0.4, 0));
  });

  it('is clamped to [0, 1]', () => {
    expect(adoptionHazard(cfg, 0, 1, 0, 1)).toBe(0);
    expect(adoptionHazard(cfg, 0, 0, 0, 0.5)).toBe(0);
    expect(adoptionHazard(cfg, 5, 0, 5, 0)).toBe(1);
    const big = adoption.compile(params({ acquisition: { organicInfluence: 1 }, wom: { messageInfluence: 1 } }));
    expect(adoptionHazard(big, 0, 0, 1, 0)).toBe(1);
  });
});

describe('the dense advocacy pass (advocacyDense)', () => {
  // Six kinds of people, in turn along the index: a customer, a competitor's customer (both
  // dropped from the list), a prospect and a churned person nobody around recommends, a prospect
  // with 3 of 10 contacts recommending, a prospect who heard a message today (decided elsewhere).
  const N = 60_000, KINDS = 6, DEGREE = 10, R = 20;
  const state = Uint8Array.from({ length: N }, (_, i) => [CUSTOMER, RIVAL, PROSPECT, CHURNED, PROSPECT, PROSPECT][i % KINDS]);
  const advocatesAround = Int32Array.from({ length: N }, (_, i) => (i % KINDS === 4 ? 3 : 0));
  const posHeard = Int32Array.from({ length: N }, (_, i) => (i % KINDS === 5 ? 1 : 0));
  const offsets = Int32Array.from({ length: N + 1 }, (_, i) => DEGREE * i);

  function pass(p: number, qa: number, winBack: number): AdvocacyPass {
    const none = new Int32Array(N);
    return {
      list: Int32Array.from({ length: N }, (_, i) => i), count: N, n: N, state, advocatesAround, warnersAround: none, offsets, posHeard, negHeard: none,
      anyHeard: true, anyDetractors: false, tied: false, strongAdvocatesAround: none, strongWarnersAround: none, weakWeight: 1, strongMinusWeak: 0,
      p, qa, nu: 1.5, winBack, found: new Int32Array(N), hazard: new Float64Array(N),
    };
  }

  it.each([0.05, 0.2])('gives every kind its own hazard (p = %f), and compacts the list to the prospects and churned', (p) => {
    const qa = 0.3, winBack = 0.4;
    const expected = [0, 0, p, p * winBack, p + (qa * 3) / DEGREE, 0];
    const hits = new Float64Array(KINDS);
    const rng = rngOf(`dense|${p}`);
    for (let r = 0; r < R; r++) {
      const a = pass(p, qa, winBack);
      const found = advocacyDense(a, rng);
      let wrongHazard = 0;
      for (let k = 0; k < found; k++) {
        const kind = a.found[k] % KINDS;
        hits[kind]++;
        if (Math.abs(a.hazard[k] - expected[kind]) > 1e-14) wrongHazard++;
      }
      expect(wrongHazard).toBe(0);
      expect(a.count).toBe((4 * N) / KINDS);
      expect(Array.from(a.list.subarray(0, a.count)).every((i, k, l) => (k === 0 || i > l[k - 1]) && (state[i] === PROSPECT || state[i] === CHURNED))).toBe(true);
    }
    const trials = (R * N) / KINDS;
    expected.forEach((h, kind) => {
      if (h === 0) expect(hits[kind], `kind ${kind}`).toBe(0);
      else expect(Math.abs(hits[kind] - trials * h), `kind ${kind}: hits`).toBeLessThanOrEqual(Z * Math.sqrt(trials * h * (1 - h)));
    });
  });

  it('people without contacts have h = p in the dense and the thinned pass alike (not 0/0)', () => {
    const M = 20_000, p = 0.2, zeros = new Int32Array(M);
    const alone = (): AdvocacyPass => ({
      list: Int32Array.from({ length: M }, (_, i) => i), count: M, n: M, state: new Uint8Array(M).fill(PROSPECT), advocatesAround: zeros, warnersAround: zeros,
      offsets: new Int32Array(M + 1), posHeard: zeros, negHeard: zeros, anyHeard: false, anyDetractors: false, tied: false,
      strongAdvocatesAround: zeros, strongWarnersAround: zeros, weakWeight: 1, strongMinusWeak: 0, p, qa: 0.3, nu: 1.5, winBack: 0.4, found: new Int32Array(M), hazard: new Float64Array(M),
    });
    const band = Z * Math.sqrt(M * p * (1 - p));
    expect(Math.abs(advocacyDense(alone(), rngOf('alone-dense')) - M * p)).toBeLessThanOrEqual(band);
    expect(Math.abs(advocacyThinned(alone(), rngOf('alone-thinned'), p + 0.3) - M * p)).toBeLessThanOrEqual(band);
  });

  it('p = 0: nobody without advocacy adopts; p = 1: every prospect does', () => {
    for (const p of [0, 1]) {
      const a = pass(p, 0.3, 0.4);
      const found = advocacyDense(a, rngOf(`dense-edge|${p}`));
      const zeroProspects = Array.from(a.found.subarray(0, found)).filter((i) => i % KINDS === 2).length;
      expect(zeroProspects).toBe(p === 0 ? 0 : N / KINDS);
    }
  });
});
