/**
 * Compiles validated scenario parameters into the flat numeric form the hot loop reads:
 * per-day rates, per-segment typed arrays, hazard increments. Every conversion from a
 * scenario unit (per year, half-life, probability) to a per-day quantity happens here once,
 * with its equation in docs/MODEL.md.
 */
import type { Params } from '../scenario/schema.js';
import { SEVERITIES, WEEKDAYS } from '../scenario/vocabulary.js';

/** Aggregation rules of an episode's steps. */
export const MULTIPLICATIVE = 0, ADDITIVE = 1, WEAKEST_LINK = 2;
/** Outcomes of a problem, indexing the recovery tables. */
export const SILENT = 0, UNRESOLVED = 1, RESOLVED = 2, RESOLVED_QUICKLY = 3;
/** Fanout value meaning "every contact". */
export const ALL = -1;

export interface ModelConfig {
  n: number;
  initialCustomers: number;
  // segments (index = segment id)
  segmentNames: string[];
  segmentCumShare: Float64Array;
  segMarginPerDay: Float64Array; // mean margin per day incl. price premium
  segBaseHazard: Float64Array; // per day
  segAsExpected: Float64Array;
  segPriceExcessFactor: Float64Array; // priceSensitivity (premium excess applied per customer)
  segTalk: Float64Array;
  // journey
  episodeProb: number;
  stepFailProb: Float64Array;
  sevCumMinor: number;
  sevCumMoney: number;
  failureImpact: Float64Array; // by severity 0..2
  frustrationRate: number;
  frustrationImpact: number;
  delightRate: number;
  delightImpact: number;
  aggregation: number; // MULTIPLICATIVE | ADDITIVE | WEAKEST_LINK
  // customers
  memoryWeight: number;
  badThreshold: number;
  neutralScore: number;
  dispositionSd: number;
  talkSigma: number;
  spendSigma: number;
  // trust
  trust0: number;
  ltrTrustWeight: number;
  trustGoodGain: number;
  trustProblemLoss: number; // a failure (softened by proactive honesty, F16)
  trustBadContactLoss: number; // a bad service contact
  trustPosGain: number;
  trustNegLoss: number;
  // complaints by severity: P(headquarters), P(headquarters or front line)
  complainHq: Float64Array;
  complainAny: Float64Array;
  // simple service desk
  resolveProb: number;
  quickShare: number;
  // recovery: hazard increment by outcome×2 + major, decay per day, recovery scores by outcome
  jumpIncrement: Float64Array;
  jumpDecay: number;
  recoveryScore: Float64Array;
  /** Probability a customer has a service request on a day, by weekday (Monday first; contact centre only). */
  questionProbByWeekday: Float64Array;
  /** Weekday of day 1 (0 = Monday). */
  startWeekday: number;
  /** True when nothing can happen to a customer in the customer pass (no episodes, questions or churn). */
  quietCustomers: boolean;
  // churn
  satSensitivity: number;
  trustSensitivity: number;
  // word of mouth
  network: Params['wom']['network'];
  talkBase: number;
  talkPositive: number;
  talkNegative: number;
  fanoutPositive: number; // ALL or count
  fanoutNegative: number;
  qAdvocacy: number; // Bass q: influence of promoter (−ν detractor) contacts, per day
  qMessage: number; // influence of today's messages
  negativeWeight: number;
  // acquisition & retention
  p: number;
  winBackFactor: number;
  acquisitionSpendPerDay: number;
  retentionBudgetPerDay: number;
  costPerSave: number;
  retentionEffectiveness: number;
  // symbols
  conversationValue: number;
  symbolCostPerDay: number;
  symbolCostPerEpisode: number;
  // economics
  pricePremium: number;
  premiumTolerance: number;
  toleranceFrom: number;
  toleranceFull: number;
  dailyDiscount: number;
  fixedCostPerDay: number;
}

const DAYS_PER_YEAR = 365;

/** Hazard rate whose survival over `days` days is 1 − probability. */
const hazardFor = (probability: number, days: number) => (probability >= 1 ? Infinity : -Math.log(1 - probability) / days);

/** Daily request probability by weekday: the yearly rate spread by the weekday pattern (mean 1). */
function questionProbByWeekday(p: Params): Float64Array {
  const daily = p.service.model === 'contactCentre' ? p.service.questionsPerCustomerPerYear / DAYS_PER_YEAR : 0;
  const w = p.service.arrivals?.weekdays ?? [1, 1, 1, 1, 1, 1, 1];
  const mean = w.reduce((a, b) => a + b, 0) / 7;
  return Float64Array.from(w, (x) => Math.min(1, (daily * x) / mean));
}

export function compileParams(p: Params): ModelConfig {
  const segs = Object.entries(p.market.segments);
  const f64 = (xs: number[]) => Float64Array.from(xs);
  let cum = 0;
  const premiumFactor = 1 + p.economics.pricePremium;
  const decay = p.recovery.halfLifeDays > 0 ? Math.pow(0.5, 1 / p.recovery.halfLifeDays) : 0;
  // A jump J that decays by δ per day adds Σ J·δ^k = J/(1 − δ) to the cumulative hazard, so
  // J = −ln(1 − q)·(1 − δ) makes the extra quit probability exactly q (see MODEL.md §Recovery).
  // Proactive honesty about failures keeps part of the trust and brings customers back (F16).
  const honest = p.service.honesty === 'proactive';
  const quitFactor = honest ? p.service.experience.honestQuitFactor : 1;
  // A certain quit (q = 1) stays a finite hazard (P(stay) = e^(−34.5) ≈ 10⁻¹⁵), so jumps never go infinite.
  const jump = (q: number) => hazardFor(Math.min(q * quitFactor, 1 - 1e-15), 1) * (1 - decay);
  const outcomes = [p.recovery.silent, p.recovery.unresolved, p.recovery.resolved, p.recovery.resolvedQuickly];
  const fan = (f: number | 'all') => (f === 'all' ? ALL : f);
  const requests = questionProbByWeekday(p);
  return {
    n: p.market.size,
    initialCustomers: p.market.initialCustomers,
    segmentNames: segs.map(([name]) => name),
    segmentCumShare: f64(segs.map(([, s]) => (cum += s.share))),
    segMarginPerDay: f64(segs.map(([, s]) => (p.economics.marginPerCustomerPerYear / DAYS_PER_YEAR) * s.marginMultiplier * premiumFactor)),
    segBaseHazard: f64(segs.map(([, s]) => hazardFor(p.churn.annualBaseRate, DAYS_PER_YEAR) * s.churnMultiplier)),
    segAsExpected: f64(segs.map(([, s]) => s.asExpectedScore)),
    segPriceExcessFactor: f64(segs.map(([, s]) => s.priceSensitivity)),
    segTalk: f64(segs.map(([, s]) => s.talkativeness)),
    episodeProb: Math.min(1, p.journey.episodesPerYear / DAYS_PER_YEAR),
    stepFailProb: f64(Object.values(p.journey.touchpoints).map((t) => Math.min(1, t.failureWeight * (1 - p.journey.processQuality)))),
    sevCumMinor: p.journey.severityMix.minor,
    sevCumMoney: p.journey.severityMix.minor + p.journey.severityMix.moneyLost,
    failureImpact: f64(SEVERITIES.map((s) => p.journey.failureImpact[s])),
    frustrationRate: p.journey.frustrationRate,
    frustrationImpact: p.journey.frustrationImpact,
    delightRate: p.journey.delightRate,
    delightImpact: p.journey.delightImpact,
    aggregation: { multiplicative: MULTIPLICATIVE, additive: ADDITIVE, weakestLink: WEAKEST_LINK }[p.journey.aggregation],
    memoryWeight: p.customers.memoryWeight,
    badThreshold: p.customers.badExperienceThreshold,
    neutralScore: p.customers.neutralScore,
    dispositionSd: p.customers.dispositionSd,
    talkSigma: p.customers.talkativenessSd,
    spendSigma: p.customers.spendSd,
    trust0: p.trust.initial,
    ltrTrustWeight: p.trust.ltrWeight,
    trustGoodGain: p.trust.goodEpisodeGain,
    trustProblemLoss: p.trust.problemLoss * (honest ? p.service.experience.honestTrustFactor : 1),
    trustBadContactLoss: p.trust.problemLoss,
    trustPosGain: p.trust.positiveMessageGain,
    trustNegLoss: p.trust.negativeMessageLoss,
    complainHq: f64(SEVERITIES.map((s) => p.complaints[s].headquarters)),
    complainAny: f64(SEVERITIES.map((s) => p.complaints[s].headquarters + p.complaints[s].frontLine)),
    resolveProb: p.service.resolveProbability,
    quickShare: p.service.quickShare,
    jumpIncrement: f64(outcomes.flatMap((o) => [jump(o.minor), jump(o.major)])),
    jumpDecay: decay,
    recoveryScore: f64([NaN, p.recovery.unresolvedScore, p.recovery.resolvedScore, p.recovery.resolvedQuicklyScore]),
    questionProbByWeekday: requests,
    startWeekday: WEEKDAYS.indexOf(p.service.startWeekday),
    quietCustomers: Math.min(1, p.journey.episodesPerYear / DAYS_PER_YEAR) === 0 && p.churn.annualBaseRate === 0 && requests.every((q) => q === 0),
    satSensitivity: p.churn.satisfactionSensitivity,
    trustSensitivity: p.churn.trustSensitivity,
    network: p.wom.network,
    talkBase: p.wom.talkBase,
    talkPositive: p.wom.talkPositive,
    talkNegative: p.wom.talkNegative,
    fanoutPositive: fan(p.wom.fanoutPositive),
    fanoutNegative: fan(p.wom.fanoutNegative),
    qAdvocacy: p.wom.advocacyInfluence,
    qMessage: p.wom.messageInfluence,
    negativeWeight: p.wom.negativeWeight,
    p: Math.min(1, p.acquisition.organicInfluence + p.acquisition.spendPerDay / (p.acquisition.costPerCustomer * p.market.size)),
    winBackFactor: p.acquisition.winBackFactor,
    acquisitionSpendPerDay: p.acquisition.spendPerDay,
    retentionBudgetPerDay: p.retention.budgetPerDay,
    costPerSave: p.acquisition.costPerCustomer / p.retention.costRatio,
    retentionEffectiveness: p.retention.effectiveness,
    conversationValue: p.symbols.conversationValue,
    symbolCostPerDay: p.symbols.costPerDay,
    symbolCostPerEpisode: p.symbols.costPerEpisode,
    pricePremium: p.economics.pricePremium,
    premiumTolerance: p.economics.premiumTolerance,
    toleranceFrom: p.economics.toleranceFrom,
    toleranceFull: p.economics.toleranceFull,
    dailyDiscount: Math.pow(1 + p.economics.discountRatePerYear, 1 / DAYS_PER_YEAR) - 1,
    fixedCostPerDay: p.economics.fixedCostPerDay,
  };
}
