/** Synthetic scenario and run results from closed-form series, so tests can check outputs by hand. */
import { emptySeries, type RunResult } from '../../src/model/metrics.js';
import type { Params, Scenario } from '../../src/scenario/schema.js';

export interface FixtureOptions {
  days?: number;
  replications?: number;
  strategies?: number;
  name?: string;
}

const NAMES = ['baseline', 'recovery', 'symbols', 'loyalty', 'premium', 'autonomy', 'open'];
const LABELS = ['Baseline', 'Service recovery', 'Symbols of extremism', 'Loyalty', 'Premium', 'Front-office autonomy with a long name that must not be cut', 'Open 24/7'];

/** A scenario whose strategies carry no real parameters: the outputs never read them. */
export function makeScenario({ days = 30, replications = 3, strategies = 3, name = 'Test scenario' }: FixtureOptions = {}): Scenario {
  return {
    name,
    description: 'Synthetic data for output tests',
    seed: 1,
    days,
    replications,
    strategies: NAMES.slice(0, strategies).map((n, i) => ({ name: n, label: LABELS[i], description: '', params: {} as Params })),
  };
}

/**
 * Closed forms (s = strategy index, r = replication, d = day):
 * customers = 2000 + (20 + 10s)·d + 7r, so final customers differ between replications by 7r only;
 * clv = 1500 + 10s − 30s (even r) or + 30s (odd r): over 3 replications the paired difference averages 0;
 * costPerAcquisition = 200 − 10s + (1 + s)·r.
 */
export function makeResults(opts: FixtureOptions = {}): RunResult[] {
  const scenario = makeScenario(opts);
  const days = scenario.days;
  const out: RunResult[] = [];
  scenario.strategies.forEach((strategy, s) => {
    for (let r = 0; r < scenario.replications; r++) {
      const series = emptySeries(days);
      let cumulative = 0;
      for (let d = 0; d <= days; d++) {
        const flow = d === 0 ? 0 : 1; // flows are 0 on day 0
        const customers = 2000 + (20 + 10 * s) * d + 7 * r;
        const promoters = 40 + 2 * s + 0.5 * r;
        const detractors = 20 - s - 0.25 * r;
        series.customers[d] = customers;
        series.churned[d] = 5 * d;
        series.prospects[d] = 10_000 - customers - 5 * d;
        series.marketShare[d] = customers / 100;
        series.satisfaction[d] = 7 + 0.3 * s + 0.01 * r + 0.001 * d;
        series.trust[d] = 0.5 + 0.01 * s;
        series.promoters[d] = promoters;
        series.detractors[d] = detractors;
        series.passives[d] = 100 - promoters - detractors;
        series.nps[d] = promoters - detractors + 0.1 * d;
        series.acquired[d] = flow * (25 + 10 * s + r);
        series.acquiredMarketing[d] = flow * 20;
        series.acquiredWom[d] = flow * (5 + 10 * s + r);
        series.lost[d] = flow * 5;
        series.retentionContacts[d] = flow * s;
        series.episodes[d] = flow * (30 + s);
        series.problems[d] = flow * (10 - s + r);
        series.badExperiences[d] = flow * 3;
        series.complaintsVoiced[d] = flow * 4;
        series.complaintsHeard[d] = flow * 1;
        series.resolved[d] = flow * 2;
        series.womPositive[d] = flow * (5 + 2 * s + r + (d % 7));
        series.womNegative[d] = flow * (4 - s + (d % 3));
        series.womReach[d] = flow * 20;
        series.revenue[d] = flow * (1000 + 100 * s);
        series.acquisitionCost[d] = flow * 500;
        series.retentionCost[d] = flow * 10 * s;
        series.fixedCost[d] = flow * 100;
        series.profit[d] = series.revenue[d] - series.acquisitionCost[d] - series.retentionCost[d] - series.fixedCost[d] - series.symbolCost[d];
        cumulative += series.profit[d];
        series.cumulativeProfit[d] = cumulative;
      }
      out.push({
        strategy: strategy.name,
        replication: r,
        days,
        series,
        totals: {
          customerDays: 2000 * days,
          churnEvents: 5 * days,
          clv: 1500 + 10 * s + (r % 2 === 1 ? 30 : -30) * s,
          cohortValue: 900 + s,
          costPerAcquisition: 200 - 10 * s + (1 + s) * r,
        },
      });
    }
  });
  return out;
}
