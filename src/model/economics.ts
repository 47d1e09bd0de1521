/**
 * The day's money. Margin is earned from every customer who joined before today (a customer
 * pays from the period after acquisition, as in CLV = m·r/(1 + d − r)), plus upsells in service
 * contacts; costs are marketing, retention saves (churn.ts), symbols, fixed costs, staff and
 * goodwill. Profit = margin − costs.
 * The realised value of the day-0 cohort, Σ margin·(1 + d)^(−day), is accumulated for the
 * CLV check against the closed form.
 */
import type { ModelConfig } from './config.js';
import type { DeskStats } from './service/desk.js';
import type { Tally } from './tally.js';

export interface Ledger {
  revenue: number;
  acquisitionCost: number;
  retentionCost: number;
  symbolCost: number;
  fixedCost: number;
  staffCost: number;
  goodwillCost: number;
  profit: number;
}

/** Run-long accumulators. */
export interface Accounts {
  payingDays: number; // Σ over days of customers who paid margin
  cohortValue: number; // Σ discounted margin of the initial cohort
}

/** Margin earned today: by all paying customers and by the initial cohort (standing.ts keeps these totals). */
export interface Till {
  revenue: number;
  cohort: number;
  paying: number;
}

/** Closes the day: costs, profit, and the run-long accounts; service contributes upsells, staff and goodwill. */
export function closeBooks(cfg: ModelConfig, tally: Tally, desk: DeskStats, till: Till, accounts: Accounts, day: number): Ledger {
  accounts.payingDays += till.paying;
  accounts.cohortValue += till.cohort * Math.pow(1 + cfg.dailyDiscount, -day);
  const ledger: Ledger = {
    revenue: till.revenue + desk.upsellRevenue,
    acquisitionCost: cfg.acquisitionSpendPerDay,
    retentionCost: tally.retentionCost,
    symbolCost: tally.symbolCost + cfg.symbolCostPerDay,
    fixedCost: cfg.fixedCostPerDay,
    staffCost: desk.staffCost,
    goodwillCost: desk.goodwill,
    profit: 0,
  };
  ledger.profit = ledger.revenue - ledger.acquisitionCost - ledger.retentionCost - ledger.symbolCost - ledger.fixedCost - ledger.staffCost - ledger.goodwillCost;
  return ledger;
}

/** CLV = m̄·r̂/(1 + d − r̂): margin per paying customer-day, daily retention, daily discount. NaN if undefined. */
export function lifetimeValue(marginPerDay: number, retention: number, dailyDiscount: number): number {
  const denominator = 1 + dailyDiscount - retention;
  return denominator > 0 ? (marginPerDay * retention) / denominator : NaN;
}
