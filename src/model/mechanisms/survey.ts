/**
 * Measuring like a firm (§23): the firm does not see every customer's likelihood to recommend,
 * it surveys. The census (`nps`, `satisfaction`) stays the model's truth; these are what a firm
 * would report.
 *
 *   relationship survey  every `everyDays` days, `sampleSize` customers drawn at random (without
 *                        replacement) are invited; customer i answers with probability
 *                        min(1, r·max(0, 1 + tilt·(L_i − 7)/3)), L_i its likelihood to recommend,
 *                        so with tilt > 0 the happier answer more (response bias); the survey NPS
 *                        and CSAT are the respondents' — sampling error included.
 *   transactional        after a share of service contacts the customer is asked at once;
 *                        transactional NPS = 100·(promoters − detractors)/answers over any span.
 *
 * A survey NPS over n answers with promoter share P and detractor share D has the standard
 * error 100·√((P + D − (P − D)²)/n) (brief §4); across replications the summary interval
 * carries it.
 */
import { nonneg, posint, prob, section } from '../fields.js';
import { CONTACT, type Mechanism } from '../mechanism.js';
import { likelihoodToRecommend, standing, type StandingConfig } from './standing.js';

const sections = {
  survey: section(
    {
      everyDays: posint(90, 'Days between relationship surveys (90: quarterly).'),
      sampleSize: posint(400, 'Customers invited to each relationship survey.'),
      responseRate: prob(0.2, 'Share of invited customers who answer, before response bias (web surveys: 10–30%).'),
      responseTilt: nonneg(0.3, 'Response bias: the response probability changes by this share per 3 points of likelihood to recommend above 7 (happier customers answer more; Peterson & Wilson 1992). 0 = no bias. Assumed.'),
      transactionalShare: prob(0.1, 'Share of service contacts followed by a survey invitation.'),
      transactionalResponseRate: prob(0.3, 'Share of those invitations answered.'),
    },
    'Surveys: the firm measures NPS and satisfaction from a sample, with response bias, as firms do; the census stays the model\'s truth.',
  ),
};

const metrics = [
  { key: 'surveyResponses', label: 'Survey answers', unit: 'answers/day', kind: 'flow', doc: 'Answers to the relationship survey (on survey days).' },
  { key: 'surveyNetPromoters', label: 'Survey net promoters', unit: 'answers/day', kind: 'flow', doc: 'Promoters minus detractors among the survey answers.' },
  { key: 'surveySatisfactionTotal', label: 'Survey satisfaction', unit: 'points/day', kind: 'flow', doc: 'Σ satisfaction (0–10, rounded) of the survey answers.' },
  { key: 'surveyNps', label: 'Survey NPS', unit: 'points', kind: 'ratio', doc: 'NPS of the relationship survey: 100·(promoters − detractors)/answers over the days asked about (what a firm reports).', ratio: { num: 'surveyNetPromoters', den: 'surveyResponses', scale: 100 } },
  { key: 'surveyCsat', label: 'Survey satisfaction (CSAT)', unit: '0–10', kind: 'ratio', doc: 'Mean satisfaction answered in the relationship survey.', ratio: { num: 'surveySatisfactionTotal', den: 'surveyResponses', scale: 1 } },
  { key: 'transactionalResponses', label: 'Transactional survey answers', unit: 'answers/day', kind: 'flow', doc: 'Answers to the surveys after service contacts.' },
  { key: 'transactionalNetPromoters', label: 'Transactional net promoters', unit: 'answers/day', kind: 'flow', doc: 'Promoters minus detractors among them.' },
  { key: 'transactionalSatisfactionTotal', label: 'Transactional satisfaction', unit: 'points/day', kind: 'flow', doc: 'Σ of the contact scores (0–10, rounded) they gave.' },
  { key: 'transactionalNps', label: 'Transactional NPS', unit: 'points', kind: 'ratio', doc: 'NPS asked right after service contacts.', ratio: { num: 'transactionalNetPromoters', den: 'transactionalResponses', scale: 100 } },
  { key: 'transactionalCsat', label: 'Transactional satisfaction (CSAT)', unit: '0–10', kind: 'ratio', doc: 'Mean score of the contact, asked right after it (e.g. after a claim, F8).', ratio: { num: 'transactionalSatisfactionTotal', den: 'transactionalResponses', scale: 1 } },
] as const;

export interface SurveyConfig {
  everyDays: number;
  sampleSize: number;
  responseRate: number;
  responseTilt: number;
  transactionalShare: number;
  transactionalResponseRate: number;
  standing: StandingConfig;
}

/** Probability that a customer with likelihood to recommend L answers an invitation. */
export function responseProbability(rate: number, tilt: number, l: number): number {
  const p = rate * (1 + (tilt * (l - 7)) / 3);
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

export const survey: Mechanism<typeof sections, SurveyConfig, (typeof metrics)[number]['key']> = {
  name: 'survey',
  doc: 'Relationship and transactional surveys with sampling and response bias: NPS and CSAT as a firm measures them (§23).',
  sections,
  metrics,
  compile: (p) => ({ ...p.survey, standing: standing.compile(p) }),
  setup(run, cfg) {
    const { pop } = run;
    const satisfaction = pop.column('satisfaction', 'f32'), trust = pop.column('trust', 'f32'), disposition = pop.column('disposition', 'f32');
    const slots = Object.fromEntries(metrics.filter((m) => m.kind === 'flow').map((m) => [m.key, run.counter(m.key)]));
    const counts = run.counts;
    const ltr = (i: number) => likelihoodToRecommend(cfg.standing, satisfaction[i], trust[i], disposition[i]);
    const net = (l: number) => (l >= 9 ? 1 : l <= 6 ? -1 : 0);
    return {
      /** Transactional: right after a contact the customer may be asked how it went and whether they would recommend. */
      experience(i, score, kind) {
        if (kind !== CONTACT || cfg.transactionalShare === 0) return; // whoever had the contact, customer or not
        const rng = run.stream('transactionalSurvey');
        if (rng() >= cfg.transactionalShare * cfg.transactionalResponseRate) return;
        counts[slots.transactionalResponses]++;
        counts[slots.transactionalNetPromoters] += net(ltr(i));
        counts[slots.transactionalSatisfactionTotal] += Math.round(score);
      },
      /** Relationship survey: at the end of a survey day, over the customers of that day. */
      close(day) {
        if (day % cfg.everyDays !== 0) return;
        const rng = run.stream('survey');
        const n = pop.customerCount, k = Math.min(cfg.sampleSize, n), list = pop.customers;
        // Selection sampling (Knuth's algorithm S): k of the n customers, each equally likely.
        for (let c = 0, needed = k; needed > 0; c++) {
          if (rng() * (n - c) >= needed) continue;
          needed--;
          const i = list[c], l = ltr(i);
          if (rng() >= responseProbability(cfg.responseRate, cfg.responseTilt, l)) continue;
          counts[slots.surveyResponses]++;
          counts[slots.surveyNetPromoters] += net(l);
          counts[slots.surveySatisfactionTotal] += Math.round(satisfaction[i]);
        }
      },
    };
  },
};
