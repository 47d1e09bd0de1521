/**
 * Adding a mechanism needs no edit outside its module and its registration (docs/EXTENDING.md):
 * a mechanism defined here, in the test, listens to a model event, draws from a stream of its
 * own, declares a counter and a cost line — and its counter appears in metrics.csv and its cost
 * in profit, without any change to the engine, the recorder or the ledger. Because it draws
 * only from its own stream, every metric the model already had is identical, day by day.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import type { Mechanism } from '../../src/model/mechanism.js';
import { METRIC_KEYS } from '../../src/model/metrics.js';
import { MECHANISMS } from '../../src/model/registry.js';
import { metricsCsv } from '../../src/outputs/tables.js';
import { params } from '../helpers/model.js';

const COST = 3;

/** Flips a coin whenever a customer has a story to tell; pays COST for every head. */
const coins: Mechanism<Record<string, never>, null, 'heads' | 'headCost'> = {
  name: 'coins',
  doc: 'A test mechanism.',
  sections: {},
  metrics: [
    { key: 'heads', label: 'Heads', unit: 'flips/day', kind: 'flow', doc: 'Heads among the day\'s flips.' },
    { key: 'headCost', label: 'Head cost', unit: 'money/day', kind: 'money', ledger: 'cost', doc: 'COST per head.' },
  ],
  compile: () => null,
  setup(run) {
    const heads = run.counter('heads'), cost = run.counter('headCost');
    return {
      story() {
        if (run.stream('coins')() < 0.5) {
          run.counts[heads]++;
          run.counts[cost] += COST;
        }
      },
    };
  },
};

describe('a mechanism added from outside the model', () => {
  const p = params({ market: { size: 2_000, initialCustomers: 500 }, journey: { episodesPerYear: 60 }, service: { model: 'contactCentre' } });
  const plain = simulate({ strategy: 'plain', params: p, seed: 5, replication: 0, days: 60 });
  const extended = simulate({ strategy: 'extended', params: p, seed: 5, replication: 0, days: 60, mechanisms: [...MECHANISMS, coins] });
  const s = extended.series as unknown as Record<string, Float64Array>;

  it('reports its counter in metrics.csv', () => {
    const [header, ...rows] = metricsCsv([extended]).trim().split('\n');
    const columns = header.split(',');
    expect(columns).toContain('heads');
    expect(columns).toContain('headCost');
    const total = rows.reduce((sum, row) => sum + Number(row.split(',')[columns.indexOf('heads')]), 0);
    expect(total).toBeGreaterThan(50); // it flipped: a few hundred stories in 60 days
  });

  it('its money is a line of the books: profit falls by exactly its cost', () => {
    for (let d = 1; d <= 60; d++) {
      expect(s.headCost[d]).toBe(COST * s.heads[d]);
      expect(s.profit[d]).toBeCloseTo(plain.series.profit[d] - s.headCost[d], 6);
    }
  });

  it('shifts no other random stream: every metric the model had is identical, day by day', () => {
    for (const k of METRIC_KEYS) if (k !== 'profit' && k !== 'cumulativeProfit') expect(Array.from(s[k]), k).toEqual(Array.from(plain.series[k]));
  });
});
