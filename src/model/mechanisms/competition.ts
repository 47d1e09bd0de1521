/**
 * A market with competitors (docs/MODEL.md §25): the market is a sector of the firm and its
 * rivals. A person is the firm's customer (CUSTOMER), a rival's (RIVAL, with `rival` saying
 * which), or nobody's (a prospect, or churned). Each rival is a few lines of a scenario: its
 * share at day 0, its price premium, the satisfaction its service gives, its word of mouth and
 * its acquisition effort.
 *
 *   firm → rival   the firm's leavers (everyday churn §7, quits over a problem §6) switch: the
 *                  destination is a logit over the rivals (choice.ts) on reputation, expected
 *                  experience, price (F7) and presence; nobody only if the scenario allows it
 *   rival → firm   a rival's customers leave it with the §7 hazard at S = its service quality,
 *                  towards the other firms by the same logit, in which the firm's reputation is
 *                  the word of mouth the person hears (advocates, warners, defectors)
 *   reviews        every customer of the sector reviews its insurer-like contract reviewsPerYear
 *                  times a year: a logit over all firms in which the current one has inertia ι
 *                  and, for the firm's customers, their own satisfaction as experience
 *   defectors      keep talking (voices.ts) instead of falling silent
 *
 * Off (no rival) by default: then it returns only zero stocks, draws nothing and changes
 * nothing. Its random streams are its own (competition.*), so adding rivals shifts no other
 * mechanism's numbers on any day.
 */
import { z } from 'zod';
import { setupSector, type CompetitionConfig } from '../competition/sector.js';
import { DAYS_PER_YEAR, nameKey, nonneg, prob, round6, score, section } from '../fields.js';
import type { Mechanism } from '../mechanism.js';
import { hazardFor } from './churn.js';
import { perSegment } from './market.js';

export { rivalLeaveProbability, type CompetitionConfig, type RivalConfig } from '../competition/sector.js';

/** Rivals with a share metric of their own (rivalShare1…); the schema allows no more. */
export const MAX_RIVALS = 4;

const rivalSchema = z
  .strictObject({
    share: prob(0.3, "Share of the market's people who are this competitor's customers at day 0 (taken from the non-customers)."),
    pricePremium: z.number().min(-0.5).max(1).default(0).describe('Its price over the market, like economics.pricePremium for the firm: 0.1 = 10% dearer, −0.05 = 5% cheaper (F7). Default 0.'),
    serviceQuality: score(7.3, 'Satisfaction (0–10) its service gives its customers: they leave it with the everyday churn hazard (§7) at this satisfaction, and choosers expect it.'),
    netAdvocacy: z.number().min(-1).max(1).default(0).describe('Its word of mouth: share of its customers who recommend it minus the share who warn against it (the firm\'s equivalent is advocates − warners). Default 0.'),
    acquisitionPerYear: prob(0, "Its acquisition effort: yearly probability that a person who is nobody's customer becomes its customer."),
  })
  .describe('A competitor in a few lines: its share, price, service and word of mouth.');

const sections = {
  competitors: z
    .record(nameKey('a competitor name'), rivalSchema)
    .default({})
    .describe(`Competitors by name (at most ${MAX_RIVALS}). Default none: the market is the firm and its prospects, and leavers go nowhere (docs/MODEL.md §25).`),
  competition: section(
    {
      reviewsPerYear: nonneg(1, 'Times a year a customer of the sector weighs the firms against its own (a renewal): a logit over all firms with inertia for the current one. Assumed: one renewal a year.'),
      inertia: nonneg(4, 'ι: utility of staying with one\'s current firm at a review (switching costs). Assumed: with ι = 4 a 20% firm equal to its rivals keeps ≈ 93% of its customers at a review.'),
      reputationWeight: nonneg(10, 'β_R: utility per unit of net word of mouth heard (recommenders − warners as a share of one\'s contacts). Assumed.'),
      experienceWeight: nonneg(0.5, 'β_X: utility per satisfaction point above one\'s as-expected score (own experience of the firm; a rival\'s service quality). Assumed.'),
      priceWeight: nonneg(6.25, 'β_P: utility per unit of price premium, times the segment\'s price sensitivity. Default β_X/0.08: one satisfaction point is worth an 8% premium at sensitivity 1 (F7: up to 16% for a great experience over two points, PwC 2018).'),
      outsideUtility: z.number().nullable().default(null).describe('Utility of being nobody\'s customer, against the firms\' (ln share + …); null: every leaver switches to another firm (a sector everyone is in, like insurance). Default null.'),
      defectorHalfLifeDays: nonneg(180, 'Half-life of a defector\'s word of mouth: a former customer keeps recommending or warning for an exponential time with this half-life (0 = silent at once). Assumed.'),
    },
    'How people choose between the firm and its competitors (docs/MODEL.md §25): a multinomial logit on reputation, experience, price and presence.',
  ),
};

const metrics = [
  { key: 'rivalCustomers', label: 'Competitors\' customers', unit: 'people', kind: 'stock', doc: 'Customers of all competitors.' },
  { key: 'sectorShare', label: 'Share of the sector', unit: '%', kind: 'stock', doc: 'The firm\'s customers ÷ (its customers + competitors\' customers) × 100; 0 without competitors.' },
  ...[1, 2, 3, 4].map((k) => ({ key: `rivalShare${k}` as `rivalShare${1 | 2 | 3 | 4}`, label: `Share of competitor ${k}`, unit: '%', kind: 'stock' as const, doc: `Customers of the ${k}. competitor of the competitors section ÷ the sector × 100.` })),
  { key: 'switchedToRivals', label: 'Switched to competitors', unit: 'customers/day', kind: 'flow', doc: 'The firm\'s leavers who became a competitor\'s customers.' },
  { key: 'switchedFromRivals', label: 'Won from competitors', unit: 'customers/day', kind: 'flow', doc: 'Competitors\' customers who switched to the firm.' },
  { key: 'rivalAcquired', label: 'Acquired by competitors', unit: 'people/day', kind: 'flow', doc: 'Prospects and churned people who became a competitor\'s customers.' },
  { key: 'defectorsTalking', label: 'Former customers still talking', unit: 'people', kind: 'stock', doc: 'Former customers who still recommend or warn against the firm.' },
] as const;

type Key = (typeof metrics)[number]['key'];

export const competition: Mechanism<typeof sections, CompetitionConfig, Key> = {
  name: 'competition',
  doc: 'Competitors: leavers switch to rivals and rivals\' customers to the firm by a logit on reputation, experience and price; defectors keep talking (§25, F7, F8).',
  sections,
  // What a former customer still says (+1 recommends, −1 warns): a column, so tests can recount advocacy.
  columns: { formerVoice: 'i8' },
  metrics,
  check(p, issue) {
    const rivals = Object.values(p.competitors);
    if (rivals.length > MAX_RIVALS) issue(['competitors'], `at most ${MAX_RIVALS} competitors (each has a share metric), got ${rivals.length}`);
    const taken = p.market.initialCustomers + rivals.reduce((s, r) => s + Math.round(r.share * p.market.size), 0);
    // (initialCustomers beyond the market alone is market's rule.)
    if (rivals.length > 0 && p.market.initialCustomers <= p.market.size && taken > p.market.size) issue(['competitors'], `the competitors' shares (${round6(rivals.reduce((s, r) => s + r.share, 0))} of ${p.market.size}) and market.initialCustomers (${p.market.initialCustomers}) add up to more than the market`);
  },
  compile(p) {
    const base = hazardFor(p.churn.annualBaseRate, DAYS_PER_YEAR), c = p.competition;
    return {
      rivals: Object.entries(p.competitors).map(([name, r]) => ({
        name, initial: Math.round(r.share * p.market.size), premium: r.pricePremium, quality: r.serviceQuality, netAdvocacy: r.netAdvocacy,
        acquisitionPerDay: -Math.expm1(hazardFor(r.acquisitionPerYear, DAYS_PER_YEAR) * -1),
      })),
      weights: { reputation: c.reputationWeight, experience: c.experienceWeight, price: c.priceWeight, inertia: c.inertia },
      reviewPerDay: Math.min(1, c.reviewsPerYear / DAYS_PER_YEAR),
      outside: c.outsideUtility,
      halfLifeDays: c.defectorHalfLifeDays,
      focalPremium: p.economics.pricePremium,
      negativeWeight: p.wom.negativeWeight,
      recommend: p.wom.recommend,
      ltrWeight: p.trust.ltrWeight,
      trust0: p.trust.initial,
      beta: p.churn.satisfactionSensitivity,
      baseHazard: perSegment(p, (s) => base * s.churnMultiplier),
      asExpected: perSegment(p, (s) => s.asExpectedScore),
      priceSensitivity: perSegment(p, (s) => s.priceSensitivity),
    };
  },
  setup(run, cfg) {
    const K = cfg.rivals.length;
    const zero = () => 0;
    if (K === 0) return { stocks: { rivalCustomers: zero, sectorShare: zero, rivalShare1: zero, rivalShare2: zero, rivalShare3: zero, rivalShare4: zero, defectorsTalking: zero } };
    return setupSector(run, cfg);
  },
};
