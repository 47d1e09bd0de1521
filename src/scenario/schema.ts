/**
 * The scenario language: one zod schema that is the single source of truth for scenario
 * files, the resolved parameter types, the defaults, and the JSON Schema editors use.
 * Every default names the fact (F-number, see docs/MODEL.md) or study behind it.
 */
import { z } from 'zod';
import { nonneg, posint, prob, score, section } from './fields.js';
import { calibrationSpecSchema } from './calibrationSchema.js';
import { serviceSchema } from './serviceSchema.js';
import { sweepSpecSchema } from './sweepSchema.js';

const segmentSchema = z
  .strictObject({
    share: prob(1, 'Share of the market in this segment; shares must sum to 1.'),
    marginMultiplier: nonneg(1, 'Margin of a customer in this segment relative to economics.marginPerCustomerPerYear (F18: bargain hunters bring less).'),
    churnMultiplier: nonneg(1, 'Base churn hazard relative to churn.annualBaseRate.'),
    asExpectedScore: score(7.6, 'Satisfaction (0–10) this segment gives an episode that goes exactly as expected; failures, frustrations and delight scale it.'),
    priceSensitivity: nonneg(1, 'How strongly a price premium above what the customer tolerates raises churn (F7).'),
    talkativeness: nonneg(1, 'Mean talkativeness: multiplies the probability of talking after an episode (F3).'),
  })
  .describe('A customer segment: needs and expectations differ (price-, convenience-, relationship-driven).');

const defaultSegments = {
  price: { share: 0.35, marginMultiplier: 0.6, churnMultiplier: 1.6, asExpectedScore: 7.2, priceSensitivity: 3, talkativeness: 0.8 },
  convenience: { share: 0.4, marginMultiplier: 1.0, churnMultiplier: 1.0, asExpectedScore: 7.6, priceSensitivity: 1.5, talkativeness: 1.0 },
  relationship: { share: 0.25, marginMultiplier: 1.5, churnMultiplier: 0.6, asExpectedScore: 7.9, priceSensitivity: 0.5, talkativeness: 1.4 },
};

const touchpointSchema = z
  .strictObject({
    failureWeight: nonneg(1, 'Relative failure likelihood of this step: P(fail) = failureWeight × (1 − journey.processQuality).'),
  })
  .describe('One step of the customer journey (buy, deliver, use, bill, …).');

const severityTable = <T extends z.ZodTypeAny>(make: (d: number, k: string) => T, defs: [number, number, number], doc: string) =>
  section(
    {
      minor: make(defs[0], 'minor (small-ticket) problems'),
      moneyLost: make(defs[1], 'problems where the customer lost money'),
      mistreatment: make(defs[2], 'rude, incompetent or rushed treatment (F5)'),
    },
    doc,
  );

const channelPropensity = (frontLine: number, headquarters: number, what: string) =>
  section(
    {
      frontLine: prob(frontLine, `Probability a customer with ${what} complains to a front-line person only.`),
      headquarters: prob(headquarters, `Probability a customer with ${what} complains to headquarters (heard by management).`),
    },
    `Complaint propensity for ${what}, by channel; frontLine + headquarters ≤ 1, the rest stay silent.`,
  );

const quitTable = (minor: number, major: number, what: string) =>
  section(
    {
      minor: prob(minor, `Probability of leaving after a bad minor problem that ${what}.`),
      major: prob(major, `Probability of leaving after a bad major problem (money lost or mistreatment) that ${what}.`),
    },
    `Quit probability after a bad experience that ${what} (TARP repurchase figures, see MODEL.md).`,
  );

const fanout = (def: number, doc: string) =>
  z
    .union([z.number().int().min(1), z.literal('all')])
    .default(def)
    .describe(`${doc} A whole number, or "all" for every contact. Default ${def}.`);

/** The model parameters: what a strategy may override. */
export const paramsShape = {
  market: section(
    {
      size: posint(10_000, 'Number of people in the market (prospects + customers + churned).'),
      initialCustomers: z.number().int().min(0).default(2_000).describe('Customers at day 0; the rest start as prospects. Default 2000.'),
      segments: z
        .record(z.string().regex(/^[A-Za-z][\w-]*$/), segmentSchema)
        .default(defaultSegments)
        .describe('Customer segments by name. Default: price (35%), convenience (40%), relationship (25%).'),
    },
    'Market size, starting customer base and segments.',
  ),
  journey: section(
    {
      episodesPerYear: nonneg(6, 'Touchpoint episodes per customer per year; P(episode on a day) = min(1, episodesPerYear/365).'),
      touchpoints: z
        .record(z.string().regex(/^[A-Za-z][\w-]*$/), touchpointSchema)
        .default({ buy: { failureWeight: 1 }, deliver: { failureWeight: 1.5 }, use: { failureWeight: 1 }, bill: { failureWeight: 0.5 } })
        .describe('Journey steps of one episode, in order, by name. Default buy, deliver, use, bill.'),
      processQuality: prob(0.99, 'Process quality Q; a step fails with probability failureWeight × (1 − Q) (consistent processes, F10).'),
      severityMix: severityTable((d, k) => prob(d, `Share of failures that are ${k}.`), [0.7, 0.2, 0.1], 'Severity of a failed step; shares sum to 1.'),
      failureImpact: severityTable((d, k) => prob(d, `Episode multiplier of a step failing with ${k}.`), [0.6, 0.35, 0.25], 'How much a failed step multiplies the episode score, by severity.'),
      frustrationRate: prob(0.08, 'Probability a step carries a small frustration (F11, F14: a lever of its own).'),
      frustrationImpact: prob(0.93, 'Multiplier of a step with a small frustration.'),
      delightRate: prob(0.02, 'Probability a step delights (goes beyond expectation, F10).'),
      delightImpact: z.number().min(1).max(2).default(1.25).describe('Multiplier of a delightful step. Default 1.25.'),
      aggregation: z
        .enum(['multiplicative', 'additive', 'weakestLink'])
        .default('multiplicative')
        .describe('How steps combine into the episode score: product (F12, how customers judge), mean (how organisations think), or minimum. Default multiplicative.'),
    },
    'Touchpoint episodes: steps, failures, small frustrations, delight and the aggregation rule.',
  ),
  customers: section(
    {
      memoryWeight: prob(0.3, 'Weight w of a new episode in satisfaction memory: S ← (1 − w)·S + w·episode score.'),
      badExperienceThreshold: score(5, 'An episode scoring below this is a bad experience (F4).'),
      neutralScore: score(7, 'Episode score that is neither worth praising nor complaining about; WOM valence and strength are measured from it.'),
      dispositionSd: nonneg(1.2, 'Std. dev. of each customer\'s fixed disposition added to likelihood-to-recommend.'),
      talkativenessSd: nonneg(0.5, 'Log-normal sigma of individual talkativeness around the segment mean.'),
      spendSd: nonneg(0.4, 'Log-normal sigma of individual margin around the segment mean.'),
    },
    'Customer memory, likelihood to recommend and heterogeneity.',
  ),
  trust: section(
    {
      initial: prob(0.5, 'Trust of a new customer (0–1).'),
      ltrWeight: nonneg(2, 'Points of likelihood-to-recommend per unit of trust above the initial level.'),
      goodEpisodeGain: prob(0.01, 'Trust gained after an episode at or above the neutral score.'),
      problemLoss: prob(0.05, 'Trust lost when a step fails.'),
      positiveMessageGain: prob(0.02, 'Trust gained per unit of positive WOM signal a customer hears (commitment).'),
      negativeMessageLoss: prob(0.04, 'Trust lost per unit of negative WOM signal a customer hears.'),
    },
    'Trust: built by good episodes and positive word of mouth, lost through problems and negative word of mouth.',
  ),
  complaints: section(
    {
      minor: channelPropensity(0.46, 0.04, 'a minor (small-ticket) problem'),
      moneyLost: channelPropensity(0.4, 0.225, 'a problem that cost money'),
      mistreatment: channelPropensity(0.15, 0.025, 'mistreatment or incompetence'),
    },
    'Who complains where (F2 and TARP): the firm hears headquarters complaints; front-line complaints are handled but not counted.',
  ),
  service: serviceSchema,
  recovery: section(
    {
      silent: quitTable(0.63, 0.91, 'the customer did not complain about'),
      unresolved: quitTable(0.54, 0.81, 'was complained about and not resolved'),
      resolved: quitTable(0.3, 0.46, 'was resolved'),
      resolvedQuickly: quitTable(0.05, 0.18, 'was resolved quickly'),
      halfLifeDays: nonneg(7, 'Half-life of the extra churn hazard after a bad experience, in days.'),
      resolvedScore: score(7, 'Score of the recovery episode when a complaint is resolved.'),
      resolvedQuicklyScore: score(8.5, 'Score of the recovery episode when resolved quickly; above the as-expected level = service-recovery paradox (satisfaction only).'),
      unresolvedScore: score(2, 'Score of the episode when a complaint is not resolved.'),
    },
    'Service recovery: quit probabilities by outcome and severity (TARP), and the recovery episode.',
  ),
  churn: section(
    {
      annualBaseRate: prob(0.1, 'Share of customers leaving per year for reasons unrelated to experience (moves, needs).'),
      satisfactionSensitivity: nonneg(0.35, 'β: hazard × exp(β·(as-expected score − S)), per satisfaction point below expectation.'),
      trustSensitivity: nonneg(2, 'γ: hazard × exp(γ·(initial trust − T)).'),
    },
    'Churn hazard: base × satisfaction × trust × price factors, plus the jump after bad experiences.',
  ),
  wom: section(
    {
      network: section(
        {
          type: z
            .enum(['wattsStrogatz', 'barabasiAlbert', 'fullyMixed'])
            .default('wattsStrogatz')
            .describe('Social network: small world, scale free, or fully mixed (mean field). Default wattsStrogatz.'),
          meanDegree: z.number().int().min(2).default(10).describe('Mean number of contacts (even for the graph types). Default 10.'),
          rewiring: prob(0.1, 'Watts–Strogatz rewiring probability β.'),
        },
        'The social network WOM travels on.',
      ),
      talkBase: prob(0.01, 'Probability of talking after an unremarkable episode (before talkativeness).'),
      talkPositive: nonneg(0.15, 'Added talk probability per unit of positive strength (score above neutral, scaled to 0–1).'),
      talkNegative: nonneg(0.6, 'Added talk probability per unit of negative strength (F3: bad experiences are shared more).'),
      fanoutPositive: fanout(2, 'Contacts told about a good experience.'),
      fanoutNegative: fanout(4, 'Contacts told about a bad experience (TARP: about twice as many as for a good one).'),
      advocacyInfluence: prob(0.00104, 'Bass q per day: adoption probability of a prospect whose every contact is a promoter (detractors count −negativeWeight). Default 0.38 a year (Sultan, Farley & Lehmann 1990, mean q of 213 diffusion studies) ÷ 365.'),
      messageInfluence: prob(0.3, 'Adoption probability of a prospect whose every contact told it about a good experience today.'),
      negativeWeight: nonneg(1, 'Weight of a detractor or negative message against a promoter or positive message in a prospect\'s adoption signal.'),
    },
    'Word of mouth: promoters and detractors advocate to their contacts all the time; after strong experiences customers talk (messages).',
  ),
  acquisition: section(
    {
      organicInfluence: prob(0.00002, 'Bass p without marketing: daily probability a prospect adopts on its own.'),
      spendPerDay: nonneg(0, 'Marketing spend per day (money).'),
      costPerCustomer: z.number().positive().default(250).describe('Marketing cost per customer won when the whole market is still prospects; p = organic + spend/(costPerCustomer × market size). Default 250.'),
      winBackFactor: prob(0.2, 'Churned people adopt again with this share of a prospect\'s hazard.'),
    },
    'Acquisition: marketing spend sets the external influence p (Bass).',
  ),
  retention: section(
    {
      budgetPerDay: nonneg(0, 'Retention budget per day (money): save offers to customers about to leave.'),
      costRatio: z.number().min(1).default(6.5).describe('Acquisition cost ÷ cost of keeping a customer: F1 says 6–7 (default 6.5), TARP about 5, range 2–20.'),
      effectiveness: prob(0.5, 'Largest share of would-be leavers a save offer can keep.'),
    },
    'Retention spending (F1).',
  ),
  symbols: section(
    {
      conversationValue: prob(0, 'Talk probability added after a non-negative episode by symbols of extremism (F11).'),
      costPerDay: nonneg(0, 'Fixed cost of the symbols per day.'),
      costPerEpisode: nonneg(0, 'Cost of the symbol per customer episode (e.g. vacuuming the car mats).'),
    },
    'Symbols of extremism: concrete, retellable over-the-top details that give customers something to talk about (F11).',
  ),
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

export const paramsSchema = z.strictObject(paramsShape).superRefine(checkParams);

/** Rules that involve more than one field. */
function checkParams(p: z.output<z.ZodObject<typeof paramsShape>>, ctx: z.RefinementCtx): void {
  if (p.market.initialCustomers > p.market.size)
    ctx.addIssue({ code: 'custom', path: ['market', 'initialCustomers'], message: `initialCustomers (${p.market.initialCustomers}) exceeds market.size (${p.market.size}): the market must hold the initial customer base` });
  const shareSum = Object.values(p.market.segments).reduce((s, g) => s + g.share, 0);
  if (Math.abs(shareSum - 1) > 1e-6)
    ctx.addIssue({ code: 'custom', path: ['market', 'segments'], message: `segment shares sum to ${round(shareSum)}, expected 1` });
  if (Object.keys(p.market.segments).length === 0)
    ctx.addIssue({ code: 'custom', path: ['market', 'segments'], message: 'at least one segment is needed' });
  if (Object.keys(p.market.segments).length > 255)
    ctx.addIssue({ code: 'custom', path: ['market', 'segments'], message: 'at most 255 segments' });
  if (Object.keys(p.journey.touchpoints).length === 0)
    ctx.addIssue({ code: 'custom', path: ['journey', 'touchpoints'], message: 'at least one touchpoint is needed' });
  const mix = p.journey.severityMix;
  if (Math.abs(mix.minor + mix.moneyLost + mix.mistreatment - 1) > 1e-6)
    ctx.addIssue({ code: 'custom', path: ['journey', 'severityMix'], message: `severity shares sum to ${round(mix.minor + mix.moneyLost + mix.mistreatment)}, expected 1` });
  for (const sev of ['minor', 'moneyLost', 'mistreatment'] as const) {
    const c = p.complaints[sev];
    if (c.frontLine + c.headquarters > 1 + 1e-9)
      ctx.addIssue({ code: 'custom', path: ['complaints', sev], message: `frontLine + headquarters = ${round(c.frontLine + c.headquarters)} exceeds 1` });
  }
  const net = p.wom.network;
  if (net.type !== 'fullyMixed') {
    if (net.meanDegree % 2 !== 0)
      ctx.addIssue({ code: 'custom', path: ['wom', 'network', 'meanDegree'], message: `meanDegree must be even for ${net.type} (k/2 links per side or per new node), got ${net.meanDegree}` });
    if (net.meanDegree >= p.market.size - 1)
      ctx.addIssue({ code: 'custom', path: ['wom', 'network', 'meanDegree'], message: `meanDegree (${net.meanDegree}) must be below market.size − 1 (${p.market.size - 1}) for a ${net.type} graph` });
  }
  const channels = Object.entries(p.service.channels);
  const channelShares = channels.reduce((sum, [, ch]) => sum + ch.share, 0);
  if (channels.length === 0) ctx.addIssue({ code: 'custom', path: ['service', 'channels'], message: 'at least one channel is needed' });
  else if (Math.abs(channelShares - 1) > 1e-6)
    ctx.addIssue({ code: 'custom', path: ['service', 'channels'], message: `channel shares sum to ${round(channelShares)}, expected 1` });
  for (const [name, ch] of channels)
    if (typeof ch.hours === 'object' && ch.hours.close <= ch.hours.open)
      ctx.addIssue({ code: 'custom', path: ['service', 'channels', name, 'hours', 'close'], message: `closes (${ch.hours.close}) before it opens (${ch.hours.open})` });
  const arrivals = p.service.arrivals;
  if (arrivals?.hourly && !arrivals.hourly.some((w) => w > 0))
    ctx.addIssue({ code: 'custom', path: ['service', 'arrivals', 'hourly'], message: 'at least one hour needs a positive weight' });
  if (arrivals?.weekdays && !arrivals.weekdays.some((w) => w > 0))
    ctx.addIssue({ code: 'custom', path: ['service', 'arrivals', 'weekdays'], message: 'at least one weekday needs a positive weight' });
  if (p.service.arrivalTo <= p.service.arrivalFrom)
    ctx.addIssue({ code: 'custom', path: ['service', 'arrivalTo'], message: `arrivalTo (${p.service.arrivalTo}) must be after arrivalFrom (${p.service.arrivalFrom})` });
  if (p.economics.toleranceFull <= p.economics.toleranceFrom)
    ctx.addIssue({ code: 'custom', path: ['economics', 'toleranceFull'], message: 'toleranceFull must be above toleranceFrom' });
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

const strategyName = z.string().regex(/^[A-Za-z][\w-]*$/, 'a strategy name starts with a letter and uses letters, digits, - and _');

/** A strategy as written: label/description plus any parameter overrides (validated after merging). */
export const strategyInputSchema = z.looseObject({
  label: z.string().optional().describe('Short name for charts; defaults to the strategy key.'),
  description: z.string().optional().describe('What the strategy changes and why.'),
});

/** The scenario file as written. Strategy overrides are checked after being merged over the baseline. */
export const scenarioSchema = z.strictObject({
  $schema: z.string().optional().describe('JSON Schema reference for editors; ignored by cxsim.'),
  name: z.string().min(1).describe('Human-readable scenario name, used in chart titles.'),
  description: z.string().default('').describe('What the scenario is about.'),
  seed: z.number().int().min(0).max(2 ** 53 - 1).default(1).describe('Master seed; every random stream derives from it. Default 1.'),
  days: posint(365, 'Horizon in days.'),
  replications: posint(5, 'Independent replications per strategy (different seeds, same across strategies).'),
  ...paramsShape,
  baselineLabel: z.string().default('Baseline').describe('Chart label of the baseline (the top-level parameters). Default "Baseline".'),
  strategies: z
    .record(strategyName, strategyInputSchema)
    .default({})
    .describe('Named strategies: each overrides parameters of the baseline (deep merge). The baseline itself is the top-level parameters.'),
  sweep: sweepSpecSchema.optional().describe('A parameter sweep `cxsim sweep` runs on this scenario (command-line flags override it).'),
  calibration: calibrationSpecSchema.optional().describe('Parameters `cxsim calibrate` fits to observed targets.'),
});

export type Params = z.output<typeof paramsSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioFile = z.output<typeof scenarioSchema>;
export { SEVERITIES, type Severity } from './vocabulary.js';

/** A scenario after normalisation: every strategy resolved to complete parameters. */
export interface Strategy {
  name: string;
  label: string;
  description: string;
  params: Params;
}
export interface Scenario {
  name: string;
  description: string;
  seed: number;
  days: number;
  replications: number;
  strategies: Strategy[]; // baseline first
}
export const SECTION_KEYS = Object.keys(paramsShape) as (keyof typeof paramsShape)[];
