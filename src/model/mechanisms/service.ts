/**
 * Service operations (§16–§21): complaints become cases and customers' requests become
 * contacts at the service desk the scenario names (`service.model`, registry in
 * service/desks.ts). Every contact is an experience; an ended case is the end of the problem
 * (recovery.ts decides whether the customer leaves over it) and, like an answered request, a
 * story the customer may tell. The desk's day feeds the firm's KPIs and the customer's view
 * (F6, F12) and the books (staff, goodwill, upsells).
 */
import { CONTACT, type CustomerEvent, type Mechanism, type Run } from '../mechanism.js';
import { RESOLVED } from '../vocabulary.js';
import { round6 } from '../fields.js';
import type { MetricDecl } from '../metrics.js';
import { newDeskStats, type DeskStats } from '../service/desk.js';
import { DESKS } from '../service/desks.js';
import { serviceSchema } from '../service/schema.js';
import { compileService, type ServiceConfig } from '../service/serviceConfig.js';
import { weekdayOf } from '../service/calendar.js';

const sections = { service: serviceSchema };

const flow = (key: keyof DeskStats, label: string, unit: string, doc: string) => ({ key, label, unit, kind: 'flow', doc }) as const;
const ratio = (key: string, label: string, unit: string, num: keyof DeskStats, den: keyof DeskStats, scale: number, doc: string) =>
  ({ key, label, unit, kind: 'ratio', doc, ratio: { num, den, scale } }) as const;

const metrics = [
  flow('contactsArrived', 'Contacts arrived', 'contacts/day', 'Contacts that entered a queue (questions, problems, repeats).'),
  flow('contactsAnswered', 'Contacts answered', 'contacts/day', 'Contacts whose handling finished.'),
  flow('contactsAbandoned', 'Contacts abandoned', 'contacts/day', 'Callers who hung up while waiting.'),
  { key: 'contactsWaiting', label: 'Contacts waiting', unit: 'contacts', kind: 'stock', doc: 'Contacts queued or in service at the end of the day.' },
  flow('contactsStarted', 'Contacts taken into service', 'contacts/day', 'Contacts an employee started on.'),
  flow('waitMinutesTotal', 'Queue wait', 'minutes/day', 'Σ queue waits of contacts taken into service (the firm measures from entering the queue).'),
  flow('answeredInTarget', 'Answered within target', 'contacts/day', 'Contacts taken into service within their channel\'s target.'),
  flow('handleMinutesTotal', 'Handle time', 'minutes/day', 'Σ handle times of contacts answered.'),
  flow('closedFirst', 'Closed in the contact', 'contacts/day', 'Answered contacts whose ticket was closed in that contact (the firm counts them resolved).'),
  flow('casesEnded', 'Problems ended', 'problems/day', 'Complaint cases that ended (solved or given up).'),
  flow('caseContacts', 'Contacts of ended problems', 'contacts/day', 'Σ contacts the customers of the ended cases needed.'),
  flow('casesSolved', 'Problems solved', 'problems/day', 'Ended cases that were actually solved.'),
  flow('casesSolvedFirst', 'Problems solved at first contact', 'problems/day', 'Ended cases solved in the customer\'s first contact about them.'),
  flow('contactScoreTotal', 'Contact scores', 'points/day', 'Σ scores customers gave the contacts answered.'),
  ratio('waitMinutes', 'Mean queue wait', 'minutes', 'waitMinutesTotal', 'contactsStarted', 1, 'Mean queue wait of contacts taken into service.'),
  ratio('serviceLevel', 'Service level', '% within target', 'answeredInTarget', 'contactsStarted', 100, 'Share of contacts taken into service within their channel\'s target.'),
  ratio('handleTime', 'Average handle time', 'minutes', 'handleMinutesTotal', 'contactsAnswered', 1, 'The firm\'s AHT.'),
  ratio('firstContactResolution', 'First-contact resolution (firm KPI)', '% of contacts', 'closedFirst', 'contactsAnswered', 100, 'Contacts closed in the contact ÷ contacts answered: the firm\'s view (F12).'),
  ratio('contactsPerProblem', 'Contacts per problem (customer view)', 'contacts', 'caseContacts', 'casesEnded', 1, 'Contacts a customer needed per problem (F12).'),
  ratio('problemsSolved', 'Problems solved (customer view)', '% of problems', 'casesSolved', 'casesEnded', 100, 'Share of ended problems that were solved.'),
  ratio('customerFirstContactResolution', 'First-contact resolution (customer view)', '% of problems', 'casesSolvedFirst', 'casesEnded', 100, 'Problems solved in the customer\'s first contact ÷ problems ended (F12).'),
  ratio('contactSatisfaction', 'Contact satisfaction', '0–10', 'contactScoreTotal', 'contactsAnswered', 1, 'Mean score customers gave the contacts answered.'),
  { key: 'engagement', label: 'Staff engagement', unit: '0–1', kind: 'stock', doc: 'Mean engagement of the employees (F15).' },
  { key: 'meanSkill', label: 'Staff skill', unit: '0–1', kind: 'stock', doc: 'Mean skill of the employees (new hires learn with tenure).' },
  flow('staffMinutes', 'Staff time', 'minutes/day', 'Minutes on duty paid (every employee while open, or as the rota staffs by demand).'),
  ratio('utilisation', 'Utilisation', '% of staff time', 'handleMinutesTotal', 'staffMinutes', 100, 'Handle time ÷ staff time on duty.'),
  flow('staffLeft', 'Employees leaving', 'employees/day', 'Employees who left (each replaced at once by a new hire).'),
  { key: 'hiringCost', label: 'Hiring and training', unit: 'money/day', kind: 'money', ledger: 'cost', doc: 'Recruiting and training the replacements (F17).' },
  { key: 'staffCost', label: 'Staff cost', unit: 'money/day', kind: 'money', ledger: 'cost', doc: 'Employees on duty × open hours × cost per hour.' },
  { key: 'goodwillCost', label: 'Goodwill', unit: 'money/day', kind: 'money', ledger: 'cost', doc: 'Goodwill (coulance) paid (F9).' },
  { key: 'upsellRevenue', label: 'Upsell margin', unit: 'money/day', kind: 'money', ledger: 'revenue', doc: 'One-off margin from sales pitches in service contacts.' },
  { key: 'honestyCost', label: 'Proactive honesty', unit: 'money/day', kind: 'money', ledger: 'cost', doc: 'Telling customers about failures proactively (F16): cost per problem.' },
  { key: 'feedbackCost', label: 'Feedback time', unit: 'money/day', kind: 'money', ledger: 'cost', doc: 'Staff time spent with end-customer feedback (F15).' },
  ratio('goodwillPerProblem', 'Goodwill per problem', 'money/problem', 'goodwillCost', 'casesEnded', 1, 'Goodwill paid ÷ problems ended (F9).'),
] as const satisfies readonly MetricDecl[];

/**
 * Service requests as a customer event: the weekday's probability × the segment's `serviceRequests`
 * (F18: bargain hunters ask more). With every segment at 1 it is the plain event; otherwise
 * candidates are drawn at the largest segment rate and kept with probability rate/largest (thinning,
 * own stream `questions.segment`, so the picking stream `questions` is never shifted).
 */
function requests(run: Run, svc: ServiceConfig, ask: (i: number) => void): CustomerEvent {
  const base = (day: number) => svc.questionProbability[weekdayOf(day, svc.startWeekday)];
  const m = svc.requestMultiplier, top = Math.max(...m);
  if (m.every((x) => x === 1)) return { stream: 'questions', probability: base, fire: ask };
  const segment = run.pop.column('segment', 'u8');
  let today = 0, bound = 0;
  return {
    stream: 'questions',
    probability: (day) => {
      today = base(day);
      return (bound = Math.min(1, today * top));
    },
    fire(i) {
      const p = Math.min(1, today * m[segment[i]]);
      if (p >= bound || run.stream('questions.segment')() * bound < p) ask(i);
    },
  };
}

/** The desk's flows and money, added to the day's counts after its step. */
const DESK_FLOWS = metrics.filter((m) => (m.kind === 'flow' || m.kind === 'money') && m.key in newDeskStats()).map((m) => m.key as keyof DeskStats);

/**
 * The score of the story a resolved case makes: the encounter, failure and fix together,
 * (1 − ρ)·s_fail + ρ·R with s_fail = E·(1 − shortfall) (§6, §11).
 */
export function encounterStory(asExpected: number, shortfall: number, recoveryScore: number, rho: number): number {
  return (1 - rho) * asExpected * (1 - shortfall) + rho * recoveryScore;
}

export const service: Mechanism<typeof sections, ServiceConfig, (typeof metrics)[number]['key']> = {
  name: 'service',
  doc: 'The service desk: a contact centre with channels, opening hours, employees, rewards, style and autonomy, or a simple desk (§6, §16–§21).',
  sections,
  metrics,
  check(p, issue) {
    const s = p.service;
    const channels = Object.entries(s.channels);
    const shares = channels.reduce((sum, [, ch]) => sum + ch.share, 0);
    if (channels.length === 0) issue(['service', 'channels'], 'at least one channel is needed');
    else if (Math.abs(shares - 1) > 1e-6) issue(['service', 'channels'], `channel shares sum to ${round6(shares)}, expected 1`);
    for (const [name, ch] of channels)
      if (typeof ch.hours === 'object' && ch.hours.close <= ch.hours.open)
        issue(['service', 'channels', name, 'hours', 'close'], `closes (${ch.hours.close}) before it opens (${ch.hours.open})`);
    for (const named of ['officeHours', 'extendedHours'] as const)
      if (s[named].close <= s[named].open) issue(['service', named, 'close'], `closes (${s[named].close}) before it opens (${s[named].open})`);
    if (s.arrivals?.hourly && !s.arrivals.hourly.some((w) => w > 0)) issue(['service', 'arrivals', 'hourly'], 'at least one hour needs a positive weight');
    if (s.arrivals?.weekdays && !s.arrivals.weekdays.some((w) => w > 0)) issue(['service', 'arrivals', 'weekdays'], 'at least one weekday needs a positive weight');
    if (s.arrivalTo <= s.arrivalFrom) issue(['service', 'arrivalTo'], `arrivalTo (${s.arrivalTo}) must be after arrivalFrom (${s.arrivalFrom})`);
  },
  compile: compileService,
  setup(run, svc) {
    const kind = DESKS[svc.model];
    const { asExpected } = svc, segment = run.pop.column('segment', 'u8');
    const desk = kind.create(run, svc, {
      contact: (i, score) => run.emit.experience(i, score, CONTACT),
      caseEnded: (i, severity, shortfall, outcome, score) => {
        run.emit.caseEnded(i, severity, shortfall, outcome, score);
        // A resolved case is told as one encounter, the failure in it (§6, §11).
        run.emit.story(i, outcome >= RESOLVED && shortfall > 0 ? encounterStory(asExpected[segment[i]], shortfall, score, svc.storyRecoveryWeight) : score);
      },
      questionEnded: (i, score) => run.emit.story(i, score),
      served: (i, minutes, cost, revenue) => run.emit.served(i, minutes, cost, revenue),
    });
    const slots = DESK_FLOWS.map((k) => run.counter(k));
    const stats = desk.stats;
    const [honesty, feedback] = [run.counter('honestyCost'), run.counter('feedbackCost')];
    const honestyPerProblem = svc.honest ? svc.leverCosts.honestyPerProblem : 0;
    // Feedback time: visibility × minutes a day × employees on duty, on days the desk is open.
    const feedbackPerOpenDay = (svc.feedbackVisibility * svc.leverCosts.feedbackMinutes * svc.employees * svc.costPerEmployeeHour) / 60;
    return {
      customerEvents: kind.questions ? [requests(run, svc, (i) => desk.ask(i))] : [],
      complaint: (i, severity, shortfall) => desk.submit(i, severity, shortfall),
      problem: honestyPerProblem > 0 ? (i) => { run.counts[honesty] += honestyPerProblem; run.emit.served(i, 0, honestyPerProblem, 0); } : undefined,
      serve(day) {
        desk.step(day, run.stream('service'));
        for (let k = 0; k < slots.length; k++) run.counts[slots[k]] += stats[DESK_FLOWS[k]];
        if (stats.staffCost > 0) run.counts[feedback] += feedbackPerOpenDay;
      },
      stocks: { contactsWaiting: () => stats.contactsWaiting, engagement: () => stats.engagement, meanSkill: () => stats.meanSkill },
    };
  },
};
