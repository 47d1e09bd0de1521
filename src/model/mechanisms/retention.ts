/**
 * Retention spending (§8, F1). The day's would-be leavers (n of them) are offered a save
 * from the retention budget B; each is kept with probability
 *   π = min(effectiveness, B / (c_save · n)),  c_save = acquisition cost per customer ÷ costRatio,
 * so spending never exceeds the budget in expectation. A kept customer's pending quit is
 * cleared (the offer addressed what went wrong).
 */
import { z } from 'zod';
import { nonneg, prob, section } from '../fields.js';
import type { Mechanism } from '../mechanism.js';

const sections = {
  retention: section(
    {
      budgetPerDay: nonneg(0, 'Retention budget per day (money): save offers to customers about to leave.'),
      costRatio: z.number().min(1).default(6.5).describe('Acquisition cost ÷ cost of keeping a customer: F1 says 6–7 (default 6.5), TARP about 5, range 2–20.'),
      effectiveness: prob(0.5, 'Largest share of would-be leavers a save offer can keep.'),
    },
    'Retention spending (F1).',
  ),
};

const metrics = [
  { key: 'saved', label: 'Customers saved', unit: 'customers/day', kind: 'flow', doc: 'Would-be leavers kept by a retention save offer.' },
  { key: 'retentionCost', label: 'Retention spend', unit: 'money/day', kind: 'money', ledger: 'cost', doc: 'Cost of save offers that kept a customer.' },
] as const;

export interface RetentionConfig {
  budgetPerDay: number;
  effectiveness: number;
  costPerSave: number;
}

export const retention: Mechanism<typeof sections, RetentionConfig, (typeof metrics)[number]['key']> = {
  name: 'retention',
  doc: 'Save offers to would-be leavers from a daily budget, at 1/costRatio of the cost of winning a customer (§8, F1).',
  sections,
  metrics,
  compile(p) {
    return { budgetPerDay: p.retention.budgetPerDay, effectiveness: p.retention.effectiveness, costPerSave: p.acquisition.costPerCustomer / p.retention.costRatio };
  },
  setup(run, cfg) {
    const saved = run.counter('saved'), cost = run.counter('retentionCost');
    const counts = run.counts;
    return {
      keep(list, count) {
        if (cfg.budgetPerDay <= 0 || count === 0) return count;
        const rng = run.stream('retention');
        const keep = Math.min(cfg.effectiveness, cfg.budgetPerDay / (cfg.costPerSave * count));
        let left = 0;
        for (let k = 0; k < count; k++) {
          const i = list[k];
          if (keep > 0 && rng() < keep) {
            counts[saved]++;
            counts[cost] += cfg.costPerSave;
            run.emit.retained(i);
          } else list[left++] = i;
        }
        return left;
      },
    };
  },
};
