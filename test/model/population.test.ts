/**
 * The population's bookkeeping of who is a customer and who could adopt (src/model/population.ts):
 * the customer list holds exactly the customers; the adoptable list, after a pass that compacts
 * it, holds exactly the prospects and churned people in ascending order — also after people
 * leave, become a competitor's customers and come back. Checked against a scan of the states
 * after every step of a random sequence of moves.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { CHURNED, CUSTOMER, Population, PROSPECT, RIVAL } from '../../src/model/population.js';

/** What a pass over the adoptable list does: skip (drop) customers and competitors' customers, keep the others in order. */
function compact(pop: Population): number[] {
  const { list, count } = pop.adoptable();
  let kept = 0;
  for (let k = 0; k < count; k++) {
    const i = list[k];
    if (pop.state[i] === CUSTOMER || pop.state[i] === RIVAL) continue;
    list[kept++] = i;
  }
  pop.keepAdoptable(kept);
  return Array.from(list.subarray(0, kept));
}

const scan = (pop: Population, ...states: number[]) => Array.from({ length: pop.n }, (_, i) => i).filter((i) => states.includes(pop.state[i]));

describe('Population', () => {
  it('keeps the customer list and the adoptable list exact through joins, leaves and competitors', () => {
    const n = 500;
    const pop = new Population(n, null);
    const rng = seedrandom.alea('population-test') as () => number;
    expect(compact(pop)).toEqual(scan(pop, PROSPECT, CHURNED));
    for (let step = 0; step < 400; step++) {
      // A day's worth of moves, then a pass.
      for (let m = 0; m < 20; m++) {
        const i = Math.floor(rng() * n), u = rng();
        const s = pop.state[i];
        if (s === PROSPECT || s === CHURNED) u < 0.8 ? pop.join(i) : pop.toRival(i);
        else if (s === CUSTOMER && u < 0.5) pop.leave(i);
        else if (s === RIVAL && u < 0.5) pop.fromRival(i, u < 0.25);
      }
      expect(compact(pop)).toEqual(scan(pop, PROSPECT, CHURNED));
      expect(Array.from(pop.customers.subarray(0, pop.customerCount)).sort((a, b) => a - b)).toEqual(scan(pop, CUSTOMER));
      expect(pop.churnedCount).toBe(scan(pop, CHURNED).length);
      expect(pop.rivalCount).toBe(scan(pop, RIVAL).length);
    }
  });
});
