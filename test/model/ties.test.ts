/**
 * Tie strength (docs/MODEL.md §12; Goldenberg, Libai & Muller 2001): a tie is strong when its two
 * ends share a contact (inside a personal network), weak when they share none (a bridge).
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { networkFor, simulate } from '../../src/engine/simulate.js';
import type { Mechanism } from '../../src/model/mechanism.js';
import { fromEdgeList } from '../../src/model/network/csr.js';
import { strongShare, strongTies, wattsStrogatz } from '../../src/model/network/index.js';
import { tiesOf } from '../../src/model/mechanisms/standing.js';
import { MECHANISMS } from '../../src/model/registry.js';
import { loadScenario, parseScenarioText } from '../../src/scenario/load.js';
import { deepMerge } from '../../src/scenario/merge.js';
import { paramsSchema, type Params } from '../../src/scenario/schema.js';
import { tCritical } from '../../src/stats/summary.js';
import { params } from '../helpers/model.js';

describe('strong and weak ties', () => {
  it('two triangles joined by one edge: the six triangle edges are strong, the bridge weak', () => {
    const us = Int32Array.from([0, 0, 1, 3, 3, 4, 2]), vs = Int32Array.from([1, 2, 2, 4, 5, 5, 3]);
    const g = fromEdgeList(6, us, vs, 7);
    const strong = strongTies(g);
    for (let i = 0; i < 6; i++)
      for (let e = g.offsets[i]; e < g.offsets[i + 1]; e++) {
        const j = g.neighbors[e];
        expect(strong[e], `tie ${i}–${j}`).toBe((i === 2 && j === 3) || (i === 3 && j === 2) ? 0 : 1);
      }
    expect(strongShare(strong)).toBeCloseTo(6 / 7, 12);
  });

  it('a ring lattice (k ≥ 4) has only strong ties; a ring (k = 2) only weak ones', () => {
    expect(strongShare(strongTies(wattsStrogatz(1000, 10, 0, seedrandom.alea('x'))))).toBe(1);
    expect(strongShare(strongTies(wattsStrogatz(1000, 2, 0, seedrandom.alea('x'))))).toBe(0);
  });

  it('Watts–Strogatz: the weak ties are the rewired shortcuts, a share β of the edges', () => {
    // m = n·k/2 edges; each is rewired with probability β, so #rewired ~ Binomial(m, β). A rewired edge
    // (u, w), w uniform, shares a contact with probability ≤ k²/n (k contacts each, n people); a lattice
    // edge keeps at least one shared contact unless all of its k − 2 or more were rewired away (≤ β^(k/2)).
    // So E[weak share] ∈ [β(1 − k²/n) − β^(k/2), β]; tolerance 3.29 sd of the binomial share (99.9%).
    const [n, k, beta] = [20_000, 10, 0.1];
    const m = (n * k) / 2;
    const weak = 1 - strongShare(strongTies(wattsStrogatz(n, k, beta, seedrandom.alea('ties'))));
    const sd = Math.sqrt((beta * (1 - beta)) / m);
    expect(weak).toBeGreaterThan(beta * (1 - (k * k) / n) - beta ** (k / 2) - 3.29 * sd);
    expect(weak).toBeLessThan(beta + 3.29 * sd);
    // It can fail: β = 0.3 lands far outside the band of β = 0.1.
    const other = 1 - strongShare(strongTies(wattsStrogatz(n, k, 0.3, seedrandom.alea('ties'))));
    expect(Math.abs(other - beta)).toBeGreaterThan(10 * sd);
  });

  it.each([
    ['', {}],
    [', defectors of a sector with competitors included', { competitors: { rival: { share: 0.5, serviceQuality: 6.8 } } }],
  ])('the counts of recommenders on strong ties stay exact as stances change (recounted from the columns)%s', (_what, sector) => {
    let checks = 0;
    const recount: Mechanism = {
      name: 'recount', doc: 'test', sections: {}, compile: () => null,
      setup(run) {
        // A customer's advocacy, or a defector's voice (competition: they keep talking).
        const ties = tiesOf(run)!, csr = run.contacts!, advocacy = run.pop.column('advocacy', 'i8'), former = run.pop.column('formerVoice', 'i8');
        return {
          close(day) {
            if (day % 20 !== 0) return;
            for (let i = 0; i < run.pop.n; i++) {
              let up = 0, down = 0;
              for (let e = csr.offsets[i]; e < csr.offsets[i + 1]; e++) {
                for (const a of [advocacy[csr.neighbors[e]], former[csr.neighbors[e]]]) {
                  if (ties.strong[e] === 1 && a === 1) up++;
                  if (ties.strong[e] === 1 && a === -1) down++;
                }
              }
              if (up !== ties.strongAdvocatesAround[i] || down !== ties.strongWarnersAround[i]) throw new Error(`person ${i} on day ${day}`);
            }
            checks++;
          },
        };
      },
    };
    const p = params({ market: { size: 3000, initialCustomers: 600 }, wom: { ties: { strongWeight: 1.5, weakWeight: 0.5 } }, ...sector } as never);
    simulate({ strategy: 't', params: p, seed: 3, replication: 0, days: 120, mechanisms: [...MECHANISMS, recount] });
    expect(checks).toBe(6);
  });

  it('by default every tie counts the same: no tie state, and equal weights c are the same model as q·c (exactly, c a power of 2)', () => {
    let seen: unknown = 'unset';
    const probe: Mechanism = { name: 'probe', doc: 'test', sections: {}, compile: () => null, setup(run) { seen = tiesOf(run); return {}; } };
    simulate({ strategy: 't', params: params({ market: { size: 500, initialCustomers: 100 } }), seed: 1, replication: 0, days: 1, mechanisms: [...MECHANISMS, probe] });
    expect(seen).toBeNull();
    // Advocacy only (no episodes, so no messages, whose weight also moves trust): h = p + q·Σ weights/degree.
    const base = { market: { size: 4000, initialCustomers: 400 }, journey: { episodesPerYear: 0 }, wom: { advocacyInfluence: 0.05 } };
    const halved = simulate({ strategy: 't', params: params(deepMerge(base, { wom: { ties: { strongWeight: 0.5, weakWeight: 0.5 } } })), seed: 2, replication: 0, days: 90 });
    const scaled = simulate({ strategy: 't', params: params(deepMerge(base, { wom: { advocacyInfluence: 0.025 } })), seed: 2, replication: 0, days: 90 });
    const full = simulate({ strategy: 't', params: params(base), seed: 2, replication: 0, days: 90 });
    for (const key of ['customers', 'acquiredWom', 'acquiredMarketing'] as const) expect(Array.from(halved.series[key]), key).toEqual(Array.from(scaled.series[key]));
    expect(full.series.customers[90]).toBeGreaterThan(halved.series.customers[90]); // and the weights do act
  });

  it('tie strength needs a network: fully mixed with unequal weights is a scenario error', () => {
    const text = 'name: x\ndays: 10\nwom:\n  network: { type: fullyMixed }\n  ties: { weakWeight: 0 }\n';
    expect(() => parseScenarioText(text, 'mixed.yaml')).toThrow(/mixed\.yaml:5.*tie strength needs a network/s);
  });
});

/**
 * Spread with weak ties made ineffective (the bass workload on a 20,000-person small world, p = 0.0005,
 * q = 0.3 a day, 60 days, 6 replications, each its own network; paired by replication).
 *
 *  - Direction from the hazard: with weakWeight 0 every prospect's hazard p + q·(recommenders on strong
 *    ties)/degree is at most p + q·(all recommenders)/degree, so under common random numbers adoption is
 *    pointwise no faster; the adopted share at day 60 must be lower.
 *  - Goldenberg, Libai & Muller's point: take away the same total influence uniformly instead (both weights =
 *    the strong share s ≈ 0.9, so Σ over ties of the weights is the same as with weak ties off). A mean-field
 *    model cannot tell the two apart; on the network the weak ties are the bridges, and losing them slows the
 *    spread far more.
 *  Both are checked with a one-sided paired t-test at 99.9% (t with 5 df).
 */
describe('weak ties and the speed of diffusion', () => {
  const scenario = loadScenario('scenarios/bass.yaml');
  const N = 20_000, DAYS = 60, REPS = 6;
  const make = (ties: object): Params =>
    paramsSchema.parse(deepMerge(scenario.strategies[0].params, { market: { size: N }, acquisition: { organicInfluence: 0.0005 }, wom: { ties } }));
  const adopted = (ties: object) => Array.from({ length: REPS }, (_, r) => simulate({ strategy: 't', params: make(ties), seed: 1, replication: r, days: DAYS }).series.customers[DAYS] / N);
  const s = strongShare(strongTies(networkFor(make({}), 1, 0)!));
  const all = adopted({}), weakOff = adopted({ strongWeight: 1, weakWeight: 0 }), uniform = adopted({ strongWeight: s, weakWeight: s });

  /** Lower 99.9% one-sided bound of the mean paired difference a − b. */
  const lowerBound = (a: number[], b: number[]) => {
    const d = a.map((x, k) => x - b[k]);
    const mean = d.reduce((x, y) => x + y, 0) / d.length;
    const sd = Math.sqrt(d.reduce((x, y) => x + (y - mean) ** 2, 0) / (d.length - 1));
    return mean - tCritical(0.998, d.length - 1) * (sd / Math.sqrt(d.length));
  };

  it('slows when weak ties carry no influence', () => {
    expect(s).toBeGreaterThan(0.85);
    expect(lowerBound(all, weakOff)).toBeGreaterThan(0);
  });

  it('slows more than taking the same influence away from every tie (weak ties are the bridges)', () => {
    expect(lowerBound(uniform, weakOff)).toBeGreaterThan(0.1);
  });
});
