/**
 * Word of mouth: who talks and to how many (docs/MODEL.md §11, F3, F11).
 *
 * talkProbability is checked exactly against p = τ·(a₀ + a⁺·g⁺ + CV) for s ≥ n and
 * p = τ·(a₀ + a⁻·g⁻) for s < n (tolerance 1e-12, floating rounding only).
 *
 * Fanout through runs: one touchpoint that fails (minor, ×0.6) with probability 0.3, no
 * complaints (so a problem's talk is about the episode), no frustration or delight: an
 * episode scores 7.5 (positive) or 4.5 (negative), and problems = negative episodes.
 * - With talk probability 1 (talkBase 1, talkativeness exactly 1) every episode is told:
 *   womNegative = 4·problems and womPositive = 2·(episodes − problems) exactly, every day,
 *   on every network whose degrees are ≥ 4 (Watts–Strogatz keeps each node's k/2 own edges,
 *   Barabási–Albert gives every node ≥ k/2 = 5 links) and fully mixed.
 * - With talkBase 0.3 the talkers are Binomial: positive talkers = womPositive/2 ~
 *   Bin(episodes − problems, 0.3 + 0.15·(0.5/3)), negative ones = womNegative/4 ~
 *   Bin(problems, 0.3 + 0.6·(2.5/7)); tolerance 4.4 SD (two-sided 1.1·10⁻⁵ each).
 */
import { describe, expect, it } from 'vitest';
import { talkProbability, wom } from '../../src/model/mechanisms/wom.js';
import { params, paramsWith, run, sumDays } from '../helpers/model.js';

describe('talkProbability', () => {
  const cfg = wom.compile(params()); // n = 7, a₀ = 0.01, a⁺ = a⁻ = 0.15, CV = 0
  const p = (s: number, tau = 1) => talkProbability(cfg, tau, s);

  it('follows the formula of MODEL.md §11', () => {
    expect(p(7)).toBeCloseTo(0.01, 12);
    expect(p(10)).toBeCloseTo(0.16, 12);
    expect(p(8.5)).toBeCloseTo(0.01 + 0.15 * 0.5, 12);
    expect(p(0)).toBeCloseTo(0.16, 12);
    expect(p(3.5)).toBeCloseTo(0.01 + 0.15 * 0.5, 12);
    expect(p(3.5, 1.4)).toBeCloseTo(1.4 * 0.085, 12); // proportional to talkativeness
    expect(p(9, 0)).toBe(0);
  });

  it('increases with the strength of the experience on both sides of neutral', () => {
    for (let s = 7; s < 10; s += 0.25) expect(p(s + 0.25)).toBeGreaterThan(p(s));
    for (let s = 7; s > 0; s -= 0.25) expect(p(s - 0.25)).toBeGreaterThan(p(s));
  });

  it('grows alike with strength on both sides: TARP\'s asymmetry is in the fanout, not counted twice (MODEL.md §11)', () => {
    for (const g of [0.25, 0.5, 1]) expect(p(7 - 7 * g)).toBeCloseTo(p(7 + 3 * g), 12); // equal strength, equal propensity
    expect(p(0)).toBeCloseTo(p(10), 12);
    expect(p(4.56)).toBeGreaterThan(p(7.6)); // a minor failure is a stronger experience than an as-expected episode (F3)
    expect(cfg.fanoutNegative).toBe(2 * cfg.fanoutPositive);
  });

  it('conversation value adds only to non-negative experiences (F11)', () => {
    const withSymbols = wom.compile(params({ symbols: { conversationValue: 0.2 } }));
    for (const s of [7, 7.5, 9, 10]) expect(talkProbability(withSymbols, 1.3, s) - talkProbability(cfg, 1.3, s)).toBeCloseTo(1.3 * 0.2, 12);
    for (const s of [0, 3, 6.99]) expect(talkProbability(withSymbols, 1.3, s)).toBe(talkProbability(cfg, 1.3, s));
  });
});

describe('fanout through runs', () => {
  const N = 2_000, DAYS = 10;
  const design = (network: Record<string, unknown>, wom: Record<string, unknown>) =>
    paramsWith(
      {
        market: { size: N, initialCustomers: N },
        journey: { episodesPerYear: 365, processQuality: 0.7, severityMix: { minor: 1, moneyLost: 0, mistreatment: 0 }, frustrationRate: 0, delightRate: 0 },
        customers: { talkativenessSd: 0 },
        complaints: { minor: { frontLine: 0, headquarters: 0 } },
        churn: { annualBaseRate: 0 },
        acquisition: { winBackFactor: 0, organicInfluence: 0 },
        wom: { network, talkPositive: 0.15, talkNegative: 0.6, ...wom },
      },
      {
        segments: { all: { share: 1, marginMultiplier: 1, churnMultiplier: 1, asExpectedScore: 7.5, priceSensitivity: 0, talkativeness: 1 } },
        touchpoints: { only: { failureWeight: 1 } },
      },
    );

  it.each([
    ['Watts–Strogatz', { type: 'wattsStrogatz', meanDegree: 10, rewiring: 0.3 }],
    ['Barabási–Albert', { type: 'barabasiAlbert', meanDegree: 10 }],
    ['fully mixed', { type: 'fullyMixed', meanDegree: 10 }],
  ])('every talker tells fanout contacts: negative 4, positive 2, on %s', (_name, network) => {
    const s = run(design(network, { talkBase: 1 }), DAYS, 8).series;
    let negTalkers = 0, posTalkers = 0, negMessages = 0, posMessages = 0;
    for (let d = 1; d <= DAYS; d++) {
      expect(s.episodes[d]).toBeGreaterThan(0);
      expect(s.womNegative[d], `day ${d}`).toBe(4 * s.problems[d]);
      expect(s.womPositive[d], `day ${d}`).toBe(2 * (s.episodes[d] - s.problems[d]));
      negTalkers += s.problems[d];
      posTalkers += s.episodes[d] - s.problems[d];
      negMessages += s.womNegative[d];
      posMessages += s.womPositive[d];
    }
    expect(negMessages / negTalkers / (posMessages / posTalkers)).toBe(2);
  });

  it('"all" tells every contact: degree k on a ring lattice, k under full mixing', () => {
    for (const network of [{ type: 'wattsStrogatz', meanDegree: 6, rewiring: 0 }, { type: 'fullyMixed', meanDegree: 6 }]) {
      const s = run(design(network, { talkBase: 1, fanoutPositive: 'all', fanoutNegative: 'all' }), 3, 8).series;
      for (let d = 1; d <= 3; d++) {
        expect(s.womPositive[d]).toBe(6 * (s.episodes[d] - s.problems[d]));
        expect(s.womNegative[d]).toBe(6 * s.problems[d]);
      }
    }
  });

  it('a fanout above the degree tells every contact (ring lattice of degree 4, fanout 7)', () => {
    const s = run(design({ type: 'wattsStrogatz', meanDegree: 4, rewiring: 0 }, { talkBase: 1, fanoutNegative: 7 }), 3, 8).series;
    for (let d = 1; d <= 3; d++) expect(s.womNegative[d]).toBe(4 * s.problems[d]);
  });

  it('talkers are Binomial with the talk probability; each sends its fanout', () => {
    const s = run(design({ type: 'wattsStrogatz', meanDegree: 10, rewiring: 0.1 }, { talkBase: 0.3 }), DAYS, 17).series;
    for (let d = 1; d <= DAYS; d++) {
      expect(s.womPositive[d] % 2).toBe(0);
      expect(s.womNegative[d] % 4).toBe(0);
    }
    const problems = sumDays(s.problems), good = sumDays(s.episodes) - problems;
    const pPos = 0.3 + 0.15 * (0.5 / 3), pNeg = 0.3 + 0.6 * (2.5 / 7);
    const posTalkers = sumDays(s.womPositive) / 2, negTalkers = sumDays(s.womNegative) / 4;
    expect(Math.abs(posTalkers - good * pPos)).toBeLessThanOrEqual(4.4 * Math.sqrt(good * pPos * (1 - pPos)));
    expect(Math.abs(negTalkers - problems * pNeg)).toBeLessThanOrEqual(4.4 * Math.sqrt(problems * pNeg * (1 - pNeg)));
  });
});
