/**
 * Counters of one day, filled by the mechanisms and turned into metrics by the observer.
 * One object reused every day (reset), so the hot loop allocates nothing.
 */
export interface Tally {
  episodes: number;
  problems: number;
  badExperiences: number;
  complaintsVoiced: number;
  complaintsHeard: number;
  resolved: number;
  womPositive: number; // messages
  womNegative: number;
  womReach: number; // distinct people reached (network) or expected reach (mean field)
  acquiredMarketing: number;
  acquiredWom: number;
  wonBack: number;
  lost: number;
  saved: number;
  retentionCost: number;
  symbolCost: number; // per-episode symbol cost (the fixed part is added when closing the books)
  churnAtRisk: number; // customers who faced the churn draw today
}

export function newTally(): Tally {
  return {
    episodes: 0, problems: 0, badExperiences: 0, complaintsVoiced: 0, complaintsHeard: 0, resolved: 0,
    womPositive: 0, womNegative: 0, womReach: 0, acquiredMarketing: 0, acquiredWom: 0, wonBack: 0,
    lost: 0, saved: 0, retentionCost: 0, symbolCost: 0, churnAtRisk: 0,
  };
}

export function resetTally(t: Tally): void {
  for (const k of Object.keys(t) as (keyof Tally)[]) t[k] = 0;
}
