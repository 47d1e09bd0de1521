/**
 * Turns the population's running aggregates and the day's tally into the day's metrics. Likelihood to recommend
 * is L = round(S + w_T·(T − T₀) + disposition), clamped to 0…10; promoters score 9–10,
 * detractors 0–6, NPS = % promoters − % detractors. Since rounding is half-up,
 * L ≥ 9 ⇔ x ≥ 8.5 and L ≤ 6 ⇔ x < 6.5 for the unrounded x, which the hot loop compares.
 */
import type { ModelConfig } from './config.js';
import type { Ledger } from './economics.js';
import { fillRatios, type Series } from './metrics.js';
import type { Population } from './population.js';
import type { DeskStats } from './service/desk.js';
import type { Tally } from './tally.js';

export const PROMOTER_FROM = 8.5, DETRACTOR_BELOW = 6.5;

/** Likelihood to recommend before rounding, x = S + w_T·(T − T₀) + disposition. */
export function ltrScore(s: number, t: number, disposition: number, trustWeight: number, trust0: number): number {
  return s + trustWeight * (t - trust0) + disposition;
}

/** Likelihood to recommend (0–10) of customer i, as the customer would answer. */
export function likelihoodToRecommend(pop: Population, cfg: ModelConfig, i: number): number {
  const l = Math.round(ltrScore(pop.satisfaction[i], pop.trust[i], pop.disposition[i], cfg.ltrTrustWeight, cfg.trust0));
  return l < 0 ? 0 : l > 10 ? 10 : l;
}

/** NPS in points from counts. */
export function nps(promoters: number, detractors: number, answers: number): number {
  return answers === 0 ? 0 : (100 * (promoters - detractors)) / answers;
}

/** Writes the day's metrics from the population's running aggregates and the day's tally and ledger. */
export function record(pop: Population, tally: Tally, desk: DeskStats, ledger: Ledger, series: Series, day: number): void {
  const o = pop.aggregates;
  const customers = o.customers;
  const n = pop.n;
  const share = (x: number) => (customers === 0 ? 0 : (100 * x) / customers);
  const set = (key: keyof Series, value: number) => { series[key][day] = value; };
  set('prospects', n - customers - pop.churnedCount);
  set('customers', customers);
  set('churned', pop.churnedCount);
  set('marketShare', (100 * customers) / n);
  set('satisfaction', customers === 0 ? 0 : o.sumSatisfaction / customers);
  set('trust', customers === 0 ? 0 : o.sumTrust / customers);
  set('promoters', share(o.promoters));
  set('passives', share(customers - o.promoters - o.detractors));
  set('detractors', share(o.detractors));
  set('nps', nps(o.promoters, o.detractors, customers));
  set('acquired', tally.acquiredMarketing + tally.acquiredWom);
  set('acquiredMarketing', tally.acquiredMarketing);
  set('acquiredWom', tally.acquiredWom);
  set('wonBack', tally.wonBack);
  set('lost', tally.lost);
  set('saved', tally.saved);
  set('episodes', tally.episodes);
  set('problems', tally.problems);
  set('badExperiences', tally.badExperiences);
  set('complaintsVoiced', tally.complaintsVoiced);
  set('complaintsHeard', tally.complaintsHeard);
  set('resolved', tally.resolved);
  set('womPositive', tally.womPositive);
  set('womNegative', tally.womNegative);
  set('womReach', tally.womReach);
  set('contactsArrived', desk.arrived);
  set('contactsAnswered', desk.answered);
  set('contactsAbandoned', desk.abandoned);
  set('contactsWaiting', desk.waiting);
  set('contactsStarted', desk.started);
  set('waitMinutesTotal', desk.waitMinutes);
  set('answeredInTarget', desk.withinTarget);
  set('handleMinutesTotal', desk.handleMinutes);
  set('closedFirst', desk.closedFirm);
  set('casesEnded', desk.casesEnded);
  set('caseContacts', desk.caseContacts);
  set('casesSolved', desk.casesSolved);
  set('casesSolvedFirst', desk.casesSolvedFirst);
  set('contactScoreTotal', desk.scoreSum);
  set('engagement', desk.engagement);
  set('revenue', ledger.revenue);
  set('acquisitionCost', ledger.acquisitionCost);
  set('retentionCost', ledger.retentionCost);
  set('symbolCost', ledger.symbolCost);
  set('fixedCost', ledger.fixedCost);
  set('staffCost', ledger.staffCost);
  set('goodwillCost', ledger.goodwillCost);
  set('upsellRevenue', desk.upsellRevenue);
  set('profit', ledger.profit);
  set('cumulativeProfit', (day > 0 ? series.cumulativeProfit[day - 1] : 0) + ledger.profit);
  fillRatios(series, day);
}
