/**
 * Economics (§13): customer i earns margin mᵢ per day from the day after adoption, on every
 * day at whose end it is still a customer (so CLV = m·r/(1 + d − r) applies):
 *   mᵢ = marginPerCustomerPerYear/365 · margin multiplier_seg · (1 + premium) · exp(σZ − σ²/2).
 * A price premium beyond what a customer of satisfaction S tolerates,
 *   tolerated(S) = premiumTolerance · clamp((S − toleranceFrom)/(toleranceFull − toleranceFrom), 0, 1),
 * multiplies the churn hazard by (1 + κ_seg·excess) (F7). Fixed costs are a cost line. The
 * run's customer lifetime value and the realised value of the initial cohort are its totals.
 */
import { normal } from '../../random/normal.js';
import { DAYS_PER_YEAR, nonneg, prob, score, section } from '../fields.js';
import type { Mechanism } from '../mechanism.js';
import { addChurnFactor } from './churn.js';
import { perSegment } from './market.js';
import { z } from 'zod';

const sections = {
  economics: section(
    {
      marginPerCustomerPerYear: nonneg(300, 'Contribution margin of an average customer per year (money).'),
      pricePremium: z.number().min(0).max(1).default(0).describe('Price premium over the market as a fraction (0.1 = 10%), raising margin (F7). Default 0.'),
      premiumTolerance: prob(0.16, 'Largest premium a fully satisfied customer accepts without churning more (PwC 2018: up to 16%).'),
      toleranceFrom: score(7, 'Satisfaction at which premium tolerance starts.'),
      toleranceFull: score(9, 'Satisfaction at which premium tolerance is complete.'),
      discountRatePerYear: nonneg(0.08, 'Discount rate for customer lifetime value.'),
      fixedCostPerDay: nonneg(0, 'Other fixed costs per day.'),
      currency: z.string().min(1).max(8).default('€').describe('Currency symbol or code for money in tables, charts and reports (e.g. "€", "$", "CHF"); it changes no number. Default "€".'),
    },
    'Margins, price premium, discounting and fixed costs.',
  ),
};

const metrics = [
  { key: 'marginRevenue', label: 'Margin from customers', unit: 'money/day', kind: 'money', ledger: 'revenue', doc: 'Contribution margin of the customers who joined before today.' },
  { key: 'fixedCost', label: 'Fixed cost', unit: 'money/day', kind: 'money', ledger: 'cost', doc: 'Other fixed costs.' },
] as const;

export interface EconomicsConfig {
  marginPerDay: Float64Array; // segment mean, premium included
  spendSd: number;
  pricePremium: number;
  premiumTolerance: number;
  toleranceFrom: number;
  toleranceFull: number;
  priceSensitivity: Float64Array; // by segment
  dailyDiscount: number;
  fixedCostPerDay: number;
  initialCustomers: number;
}

/** Premium above what a customer of satisfaction S tolerates (F7). */
export function premiumExcess(cfg: EconomicsConfig, s: number): number {
  if (cfg.pricePremium <= 0) return 0;
  const x = (s - cfg.toleranceFrom) / (cfg.toleranceFull - cfg.toleranceFrom);
  const tolerated = cfg.premiumTolerance * (x < 0 ? 0 : x > 1 ? 1 : x);
  return cfg.pricePremium > tolerated ? cfg.pricePremium - tolerated : 0;
}

/** CLV = m̄·r̂/(1 + d − r̂): margin per paying customer-day, daily retention, daily discount. NaN if undefined. */
export function lifetimeValue(marginPerDay: number, retention: number, dailyDiscount: number): number {
  const denominator = 1 + dailyDiscount - retention;
  return denominator > 0 ? (marginPerDay * retention) / denominator : NaN;
}

export const economics: Mechanism<typeof sections, EconomicsConfig, (typeof metrics)[number]['key']> = {
  name: 'economics',
  doc: 'Margin per customer, price premium and its tolerance, fixed costs, CLV (§13, F7, F18).',
  sections,
  columns: { margin: 'f32', initialCohort: 'u8' },
  metrics,
  check(p, issue) {
    if (p.economics.toleranceFull <= p.economics.toleranceFrom) issue(['economics', 'toleranceFull'], 'toleranceFull must be above toleranceFrom');
  },
  compile(p) {
    const e = p.economics;
    return {
      marginPerDay: perSegment(p, (s) => (e.marginPerCustomerPerYear / DAYS_PER_YEAR) * s.marginMultiplier * (1 + e.pricePremium)),
      spendSd: p.customers.spendSd,
      pricePremium: e.pricePremium,
      premiumTolerance: e.premiumTolerance,
      toleranceFrom: e.toleranceFrom,
      toleranceFull: e.toleranceFull,
      priceSensitivity: perSegment(p, (s) => s.priceSensitivity),
      dailyDiscount: Math.pow(1 + e.discountRatePerYear, 1 / DAYS_PER_YEAR) - 1,
      fixedCostPerDay: e.fixedCostPerDay,
      initialCustomers: p.market.initialCustomers,
    };
  },
  setup(run, cfg) {
    const { pop } = run;
    const margin = pop.column('margin', 'f32'), cohort = pop.column('initialCohort', 'u8'), segment = pop.column('segment', 'u8');
    const satisfaction = pop.column('satisfaction', 'f32');
    // Log-normal margin with the segment's mean (stream `traits.margin`).
    const sigma = cfg.spendSd, draws = run.stream('traits.margin');
    for (let i = 0; i < pop.n; i++) margin[i] = cfg.marginPerDay[segment[i]] * (sigma > 0 ? Math.exp(sigma * normal(draws) - (sigma * sigma) / 2) : 1);
    if (cfg.pricePremium > 0) {
      const kappa = cfg.priceSensitivity;
      addChurnFactor(run, { max: 1 + Math.max(...kappa) * cfg.pricePremium, at: (i) => 1 + kappa[segment[i]] * premiumExcess(cfg, satisfaction[i]) });
    }
    // Σ margin of paying customers (joined before today) and of those of the initial cohort;
    // float32 values summed in float64 stay exact, so what is added is exactly what is later subtracted.
    let paying = 0, payingCount = 0, cohortMargin = 0;
    let payingDays = 0, cohortValue = 0;
    const joinedToday = new Int32Array(pop.n);
    let joinedCount = 0;
    const startPaying = (i: number) => {
      paying += margin[i];
      payingCount++;
      if (cohort[i] === 1) cohortMargin += margin[i];
    };
    const [revenue, fixed] = ['marginRevenue', 'fixedCost'].map((k) => run.counter(k));
    return {
      // A batch: on the hot path of a diffusion. Only the initial customers are the cohort.
      joinedAll(list, count) {
        if (run.day === 0) {
          for (let k = 0; k < count; k++) {
            cohort[list[k]] = 1;
            startPaying(list[k]);
          }
        } else {
          joinedToday.set(list.subarray(0, count), joinedCount);
          joinedCount += count;
        }
      },
      leaving(i) {
        // Everyone who can leave joined before today, so pays.
        paying -= margin[i];
        payingCount--;
        if (cohort[i] === 1) cohortMargin -= margin[i];
        cohort[i] = 0;
      },
      close(day) {
        run.counts[revenue] += paying;
        run.counts[fixed] += cfg.fixedCostPerDay;
        payingDays += payingCount;
        cohortValue += cohortMargin * Math.pow(1 + cfg.dailyDiscount, -day);
        // Customers who joined today pay from tomorrow (none of them is of the initial cohort: it left, if it was).
        for (let k = 0; k < joinedCount; k++) paying += margin[joinedToday[k]];
        payingCount += joinedCount;
        joinedCount = 0;
      },
      totals(series) {
        let earned = 0, customerDays = 0, lost = 0;
        for (let d = 1; d < series.revenue.length; d++) {
          earned += series.revenue[d];
          customerDays += series.customers[d - 1];
          lost += series.lost[d];
        }
        const retention = customerDays > 0 ? 1 - lost / customerDays : 1;
        return {
          clv: lifetimeValue(payingDays > 0 ? earned / payingDays : 0, retention, cfg.dailyDiscount),
          cohortValue: cfg.initialCustomers > 0 ? cohortValue / cfg.initialCustomers : NaN,
        };
      },
    };
  },
};
