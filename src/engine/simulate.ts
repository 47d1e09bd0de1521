/**
 * One simulation run (one strategy, one replication): compile the parameters, build the
 * network and population, then step through the days (day.ts) and collect the series.
 * Each mechanism draws from its own stream, derived from (seed, replication, day, purpose).
 */
import { compileParams } from '../model/config.js';
import type { DayContext, Streams } from '../model/context.js';
import { closeBooks, lifetimeValue, type Accounts, type Ledger } from '../model/economics.js';
import { emptySeries, type RunResult } from '../model/metrics.js';
import type { Csr } from '../model/network/csr.js';
import { buildNetwork } from '../model/network/index.js';
import { record } from '../model/observe.js';
import { createPopulation, type Population } from '../model/population.js';
import { contactCentre } from '../model/service/contactCentre.js';
import { compileService } from '../model/service/serviceConfig.js';
import { simpleDesk } from '../model/service/simpleDesk.js';
import { startPaying } from '../model/standing.js';
import { newTally, resetTally } from '../model/tally.js';
import { newWom } from '../model/wom.js';
import { stream } from '../random/streams.js';
import type { Params } from '../scenario/schema.js';
import { applyDeferred, customerPass, newDayScratch, populationPass, settleAndServe } from './day.js';

export interface RunSpec {
  strategy: string;
  params: Params;
  seed: number;
  replication: number;
  days: number;
  /** A network built earlier for the same (seed, replication, network spec); built here if absent. */
  network?: Csr | null;
  /** Called once the network and population are built, before day 1 (benchmarks time the days alone). */
  onReady?: () => void;
  /** Called after every simulated day (progress reporting). */
  onDay?: (day: number) => void;
  /** Read-only view of the population after day 0 and every day (tests recount the aggregates from it). */
  inspect?: (day: number, pop: Population) => void;
}

/** The network a run uses: a function of (seed, replication, network spec, market size) only. */
export function networkFor(params: Params, seed: number, replication: number): Csr | null {
  return buildNetwork(params.wom.network, params.market.size, stream(seed, 'rep', replication, 'network'));
}

const PURPOSES = ['episodeDays', 'episodes', 'wom', 'service', 'adoption', 'churn', 'retention', 'questions'] as const;

export function simulate(spec: RunSpec): RunResult {
  const { seed, replication: rep, days, params } = spec;
  const cfg = compileParams(params);
  const csr = spec.network !== undefined ? spec.network : networkFor(params, seed, rep);
  const pop = createPopulation(cfg, csr, stream(seed, 'rep', rep, 'population'), stream(seed, 'rep', rep, 'initial'));
  const tally = newTally();
  const desk =
    params.service.model === 'simple'
      ? simpleDesk(cfg, cfg.n)
      : contactCentre(cfg, compileService(params.service), pop, stream(seed, 'rep', rep, 'staff'));
  const c: DayContext = { pop, cfg, wom: newWom(params.wom.network.meanDegree), desk, tally, day: 0, rng: {} as Streams };
  const scratch = newDayScratch(pop);
  const series = emptySeries(days);
  const accounts: Accounts = { payingDays: 0, cohortValue: 0 };
  const zero: Ledger = { revenue: 0, acquisitionCost: 0, retentionCost: 0, symbolCost: 0, fixedCost: 0, staffCost: 0, goodwillCost: 0, profit: 0 };
  record(pop, tally, desk.stats, zero, series, 0);
  spec.inspect?.(0, pop);
  spec.onReady?.();
  let customerDays = 0, churnEvents = 0, acquisitionSpend = 0, acquired = 0, revenue = 0;
  const agg = pop.aggregates;
  for (let day = 1; day <= days; day++) {
    c.day = day;
    for (const purpose of PURPOSES) c.rng[purpose] = stream(seed, 'rep', rep, 'day', day, purpose);
    resetTally(tally);
    const count = customerPass(c, scratch);
    settleAndServe(c, scratch.leavers, count);
    populationPass(c, scratch);
    applyDeferred(c, scratch);
    // Customers who joined today pay from tomorrow: the till is read before they start paying.
    const ledger = closeBooks(cfg, tally, desk.stats, { revenue: agg.payingMargin, cohort: agg.cohortMargin, paying: agg.payingCount }, accounts, day);
    for (let k = 0; k < scratch.adopterCount; k++) startPaying(pop, scratch.adopters[k]);
    record(pop, tally, desk.stats, ledger, series, day);
    customerDays += tally.churnAtRisk;
    churnEvents += tally.lost;
    acquisitionSpend += ledger.acquisitionCost;
    acquired += tally.acquiredMarketing + tally.acquiredWom + tally.wonBack;
    revenue += ledger.revenue;
    spec.inspect?.(day, pop);
    spec.onDay?.(day);
  }
  const marginPerDay = accounts.payingDays > 0 ? revenue / accounts.payingDays : 0;
  const retention = customerDays > 0 ? 1 - churnEvents / customerDays : 1;
  return {
    strategy: spec.strategy,
    replication: rep,
    days,
    series,
    totals: {
      customerDays,
      churnEvents,
      clv: lifetimeValue(marginPerDay, retention, cfg.dailyDiscount),
      cohortValue: cfg.initialCustomers > 0 ? accounts.cohortValue / cfg.initialCustomers : NaN,
      costPerAcquisition: acquired > 0 ? acquisitionSpend / acquired : NaN,
    },
  };
}
