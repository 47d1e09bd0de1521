/**
 * A loyalty programme (docs/EXTENDING.md builds this module step by step). A share of new
 * customers enrols; a member's everyday churn hazard is multiplied by (1 − churnReduction)
 * (a proportional factor on churn.ts's hazard), and every member costs the firm
 * costPerMemberPerYear/365 a day in rewards and administration. Membership ends when the
 * customer leaves. Off by default (enrolment 0).
 *
 * The evidence is of small positive effects of membership on retention (Verhoef 2003,
 * J. Marketing; Meyer-Waarden 2007, J. Retailing) and self-selection of loyal customers into
 * programmes (Leenheer et al. 2007, IJRM); the default 10% lower hazard is an assumption in
 * that direction, to be swept or calibrated.
 */
import { DAYS_PER_YEAR, nonneg, prob, section } from '../fields.js';
import type { Mechanism } from '../mechanism.js';
import { addChurnFactor } from './churn.js';

const sections = {
  loyalty: section(
    {
      enrolment: prob(0, 'Share of new customers (and of the initial ones) who join the loyalty programme; 0 = no programme.'),
      churnReduction: prob(0.1, 'A member\'s everyday churn hazard is multiplied by 1 − churnReduction (assumed; small effects in Verhoef 2003, Meyer-Waarden 2007).'),
      costPerMemberPerYear: nonneg(12, 'Cost of the programme per member per year: rewards and administration (money).'),
    },
    'A loyalty programme: members churn less and cost money (docs/EXTENDING.md).',
  ),
};

const metrics = [
  { key: 'members', label: 'Loyalty members', unit: 'customers', kind: 'stock', doc: 'Customers in the loyalty programme at the end of the day.' },
  { key: 'enrolled', label: 'Loyalty enrolments', unit: 'customers/day', kind: 'flow', doc: 'Customers who joined the programme today.' },
  { key: 'loyaltyCost', label: 'Loyalty programme cost', unit: 'money/day', kind: 'money', ledger: 'cost', doc: 'Members × cost per member per day.' },
] as const;

export interface LoyaltyConfig {
  enrolment: number;
  hazardFactor: number; // 1 − churnReduction
  costPerMemberPerDay: number;
}

export const loyalty: Mechanism<typeof sections, LoyaltyConfig, (typeof metrics)[number]['key']> = {
  name: 'loyalty',
  doc: 'A loyalty programme: members churn less, at a cost per member (docs/EXTENDING.md).',
  sections,
  columns: { member: 'u8' },
  metrics,
  compile: (p) => ({
    enrolment: p.loyalty.enrolment,
    hazardFactor: 1 - p.loyalty.churnReduction,
    costPerMemberPerDay: p.loyalty.costPerMemberPerYear / DAYS_PER_YEAR,
  }),
  setup(run, cfg) {
    const member = run.pop.column('member', 'u8');
    const [enrolled, cost] = [run.counter('enrolled'), run.counter('loyaltyCost')];
    let members = 0;
    if (cfg.enrolment === 0) return { stocks: { members: () => 0 } }; // no programme: nothing to do
    addChurnFactor(run, { max: 1, at: (i) => (member[i] === 1 ? cfg.hazardFactor : 1) });
    return {
      joined(i) {
        // Its own stream: enrolment draws shift no other mechanism's.
        if (run.stream('loyalty')() < cfg.enrolment) {
          member[i] = 1;
          members++;
          run.counts[enrolled]++;
        }
      },
      leaving(i) {
        if (member[i] === 1) {
          member[i] = 0;
          members--;
        }
      },
      close() {
        run.counts[cost] += members * cfg.costPerMemberPerDay;
      },
      stocks: { members: () => members },
    };
  },
};
