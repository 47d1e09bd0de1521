/**
 * The service section of the scenario language (owned by mechanisms/service.ts): channels and
 * opening hours, the contact centre's staff, and the levers that act on them (reward scheme,
 * service style, autonomy, honesty, feedback). Defaults and sources: docs/MODEL.md §16–§21.
 */
import { z } from 'zod';
import { nameKey, nonneg, posint, prob, section } from '../fields.js';
import { WEEKDAYS } from '../vocabulary.js';
import { DESK_KINDS } from './desks.js';

const openingHours = (open: number, close: number, weekdays: (typeof WEEKDAYS)[number][], what: string) =>
  section(
    {
      open: z.number().min(0).max(24).default(open).describe(`Opening hour (0–24). Default ${open}.`),
      close: z.number().min(0).max(24).default(close).describe(`Closing hour (0–24), after opening. Default ${close}.`),
      weekdays: z.array(z.enum(WEEKDAYS)).min(1).default(weekdays).describe(`Days the channel is staffed. Default ${weekdays.join(', ')}.`),
    },
    `What "${what}" means for a channel's hours.`,
  );

const hoursSchema = z
  .union([
    z.enum(['officeHours', 'extendedHours', '24/7']),
    z.strictObject({
      open: z.number().min(0).max(24).describe('Opening hour (0–24).'),
      close: z.number().min(0).max(24).describe('Closing hour (0–24), after opening.'),
      weekdays: z.array(z.enum(WEEKDAYS)).min(1).describe('Days the channel is staffed.'),
    }),
  ])
  .describe('officeHours (service.officeHours, default 9–17 Monday–Friday), extendedHours (service.extendedHours, default 8–20 Monday–Saturday), 24/7, or {open, close, weekdays}.');

const channelSchema = z
  .strictObject({
    share: prob(0, 'Share of contacts that come through this channel; shares must sum to 1.'),
    hours: hoursSchema.default('officeHours'),
    synchronous: z.boolean().default(true).describe('Phone or chat: the customer waits on the line and may hang up. Otherwise (e-mail, social) the contact waits in a queue. Default true.'),
    targetMinutes: nonneg(1, 'The firm\'s service-level target: answer within this many minutes.'),
    toleranceMinutes: z.number().positive().default(3).describe('How long a customer waits, from wanting contact, before waiting starts to hurt the experience. Default 3.'),
    patienceMinutes: nonneg(4, 'Mean patience of a waiting caller (exponential); 0 = never hangs up. Only synchronous channels.'),
    handleMinutes: z.number().positive().default(7).describe('Mean handle time of a contact before style, reward, skill and engagement factors. Default 7.'),
  })
  .describe('A contact channel.');

const defaultChannels = {
  phone: { share: 0.6, hours: 'officeHours' as const, synchronous: true, targetMinutes: 0.5, toleranceMinutes: 3, patienceMinutes: 4, handleMinutes: 7 },
  email: { share: 0.3, hours: 'officeHours' as const, synchronous: false, targetMinutes: 480, toleranceMinutes: 1440, patienceMinutes: 0, handleMinutes: 10 },
  social: { share: 0.1, hours: 'extendedHours' as const, synchronous: false, targetMinutes: 60, toleranceMinutes: 120, patienceMinutes: 0, handleMinutes: 5 },
};

const rewardSchema = (d: { time: number; solve: number; close: number; upsell: number; rush: number; engage: number }, name: string) =>
  section(
    {
      handleTimeFactor: nonneg(d.time, `Handle time multiplier under ${name} rewards.`),
      solveFactor: nonneg(d.solve, `Multiplier of the chance to solve a problem under ${name} rewards.`),
      closeUnsolved: prob(d.close, `Probability an unsolved contact is closed anyway (the ticket counts as done) under ${name} rewards.`),
      upsellRate: prob(d.upsell, `Probability of a sales pitch in a contact under ${name} rewards.`),
      rushedImpact: prob(d.rush, `Contact-score multiplier for being rushed under ${name} rewards (F5: rushed service drives customers away).`),
      engagement: z.number().min(-1).max(1).default(d.engage).describe(`Engagement target shift under ${name} rewards. Default ${d.engage}.`),
    },
    `Behaviour under ${name} rewards (F8: behaviour follows reward).`,
  );

const styleSchema = (d: { time: number; cv: number; delight: number; warmth: number }, name: string) =>
  section(
    {
      handleTimeFactor: nonneg(d.time, `Handle time multiplier of ${name} service.`),
      handleCv: nonneg(d.cv, `Coefficient of variation of handle times (log-normal) of ${name} service.`),
      delightRate: prob(d.delight, `Probability a contact delights (at full engagement and culture fit) in ${name} service.`),
      warmth: nonneg(d.warmth, `Contact-score bonus, as a share, for warmth at full culture fit in ${name} service.`),
    },
    `The ${name} service style (F10).`,
  );

export const serviceShape = {
  model: z
    .enum(DESK_KINDS)
    .default('contactCentre')
    .describe('contactCentre: contacts queue for employees in channels with opening hours; simple: a complaint is resolved with resolveProbability the same day. Default contactCentre.'),
  resolveProbability: prob(0.55, 'Simple model: probability a voiced complaint gets resolved.'),
  quickShare: prob(0.5, 'Simple model: share of resolved complaints resolved quickly.'),
  employees: posint(2, 'Employees the firm has: on duty whenever the contact centre is open (staffing.mode fixed), or the most it can put on duty in an hour (demand).'),
  staffing: section(
    {
      mode: z.enum(['demand', 'fixed']).default('demand').describe('demand: each hour, the fewest employees that reach the service-level target for the forecast load (Erlang C); fixed: every employee whenever the desk is open. Default demand.'),
      serviceLevel: prob(0.8, 'Target share of contacts answered within answerWithinMinutes (the 80/20-style target of contact centres).'),
      answerWithinMinutes: z.number().positive().default(0.5).describe('The service-level target\'s time, in minutes. Default 0.5.'),
      forecastWeeks: posint(4, 'Weeks of history the forecast averages (same hour of the week).'),
    },
    'How the firm staffs the contact centre (§17).',
  ),
  costPerEmployeeHour: nonneg(35, 'Staff cost per employee per open hour (money).'),
  startWeekday: z.enum(WEEKDAYS).default('mon').describe('Weekday of day 1. Default mon.'),
  arrivalFrom: z.number().min(0).max(24).default(7).describe('Customers contact the firm between arrivalFrom and arrivalTo o\'clock, uniformly. Default 7.'),
  arrivalTo: z.number().min(0).max(24).default(23).describe('See arrivalFrom. Default 23.'),
  questionsPerCustomerPerYear: nonneg(2, 'Service requests per customer per year that are not problems: questions, changes, claims.'),
  arrivals: z
    .strictObject({
      hourly: z.array(z.number().min(0)).length(24).optional().describe('Relative weight of each hour 0–23 for the moment a customer wants contact; replaces arrivalFrom/arrivalTo.'),
      weekdays: z.array(z.number().min(0)).length(7).optional().describe('Relative weight of Monday … Sunday for service requests (normalised to mean 1, so the yearly volume is unchanged).'),
    })
    .optional()
    .describe('Arrival patterns by hour and weekday, when the scenario asks for them.'),
  officeHours: openingHours(9, 17, ['mon', 'tue', 'wed', 'thu', 'fri'], 'officeHours'),
  extendedHours: openingHours(8, 20, ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], 'extendedHours'),
  channels: z.record(nameKey(), channelSchema).default(defaultChannels).describe('Contact channels by name. Default phone (60%, office hours), email (30%), social (10%, extended hours).'),
  rewardScheme: z.enum(['financial', 'satisfaction']).default('financial').describe('What employees are rewarded on: sales and productivity targets, or customer satisfaction (F8). Default financial.'),
  style: z.enum(['process', 'personal']).default('process').describe('Scripted, fast, low-variance process service, or personal service that takes time for the person (F5, F10). Default process.'),
  autonomy: z.boolean().default(false).describe('Front-office autonomy: decide in the customer\'s favour without asking permission (F9). Default false.'),
  honesty: z.enum(['silent', 'proactive']).default('silent').describe('On failures, say nothing or tell customers proactively (F16). Default silent.'),
  feedbackVisibility: prob(0.1, 'Share of end-customer feedback the staff see (F15: back office does not exist).'),
  leverCosts: section(
    {
      honestyPerProblem: nonneg(5, 'Cost of telling a customer proactively about a failure: a call or a letter, about 8 minutes of staff time (money per problem). Assumed.'),
      feedbackMinutes: nonneg(20, 'Minutes a day each employee on duty spends with end-customer feedback at full visibility (screens, shared complaints and compliments; F15), paid as staff time. Assumed.'),
    },
    'What the free-looking levers cost: honesty and feedback take staff time.',
  ),
  handling: section(
    {
      distribution: z.enum(['lognormal', 'exponential']).default('lognormal').describe('Handle-time distribution; exponential ignores the style\'s variance (queueing theory checks). Default lognormal.'),
      solveProbability: prob(0.75, 'Chance that an average employee solves a problem in one contact, before reward, skill and engagement factors.'),
      questionSolveProbability: prob(0.9, 'The same for a question or request (easier than a problem).'),
      retryProbability: prob(0.8, 'Probability a customer whose problem was not solved contacts the firm again (falls by this factor per attempt).'),
      retryDelayDays: posint(1, 'Days until a repeat contact (the customer tries again at a moment of that day).'),
      maxContacts: posint(4, 'Contacts after which a customer gives up on a problem.'),
      approvalShare: prob(0.35, 'Share of problem contacts that need a decision in the customer\'s favour: without autonomy they wait for a superior\'s permission, with autonomy the employee decides on the spot (F9).'),
      approvalDelayDays: nonneg(2, 'Days until a permission comes back and the problem is solved.'),
      approvalMinutes: nonneg(5, 'Extra handle minutes spent asking permission.'),
      skillHandleEffect: z.number().min(0).max(2).default(0.6).describe('Handle time falls by this share per unit of skill above 0.5: factor 1 + effect·(0.5 − skill). Range 0–2 (the factor stays ≥ 0). Default 0.6.'),
      engagementHandleEffect: z.number().min(0).max(2).default(0.2).describe('Handle time falls by this share per unit of engagement above 0.5: factor 1 + effect·(0.5 − engagement). Range 0–2 (the factor stays ≥ 0). Default 0.2.'),
      skillSolveEffect: z.number().min(0).max(2).default(0.6).describe('The chance to solve rises by this share per unit of skill above 0.5: factor 1 + effect·(skill − 0.5). Range 0–2 (the factor stays ≥ 0). Default 0.6.'),
      engagementSolveEffect: z.number().min(0).max(2).default(0.4).describe('The chance to solve rises by this share per unit of engagement above 0.5: factor 1 + effect·(engagement − 0.5). Range 0–2 (the factor stays ≥ 0). Default 0.4.'),
      maxSolveProbability: prob(0.98, 'Upper limit of the chance to solve a matter in one contact (nobody is perfect).'),
    },
    'How contacts are handled.',
  ),
  goodwill: section(
    {
      approvedProbability: prob(0.6, 'Without autonomy: probability an approved case gets goodwill (standard compensation).'),
      approvedAmount: nonneg(60, 'Goodwill paid on an approved case (money).'),
      autonomousProbability: prob(0.3, 'With autonomy: probability the employee grants goodwill on a major problem they solve (aimed where it matters).'),
      autonomousAmount: nonneg(45, 'Goodwill an autonomous employee grants (money).'),
    },
    'Goodwill (coulance) payments (F9).',
  ),
  staff: section(
    {
      skillMean: prob(0.6, 'Mean skill of employees (0–1).'),
      skillSd: nonneg(0.15, 'Standard deviation of skill.'),
      fitMean: prob(0.5, 'Mean culture fit (0–1, F10).'),
      fitSd: nonneg(0.2, 'Standard deviation of culture fit.'),
      engagementInitial: prob(0.5, 'Engagement at day 0 (0–1).'),
      engagementRate: prob(0.05, 'Share of the gap to the engagement target closed per day.'),
      feedbackEngagement: nonneg(0.4, 'Engagement target shift at full feedback visibility (F15).'),
      fitEngagement: nonneg(0.2, 'Engagement target shift per unit of culture fit above 0.5 (F10: the personality must fit the culture).'),
      feedbackValence: nonneg(0.5, 'How much what the feedback says moves engagement: the feedback shift is multiplied by 1 + valence·(recent contact score − expected)/expected (service–profit chain; Brown & Lam 2008). Assumed.'),
      workloadEngagement: nonneg(0.3, 'Engagement target lost as utilisation rises from 85% to 100% (burnout). Assumed.'),
      turnoverPerYear: prob(0.3, 'Share of employees leaving per year at engagement 0.5 (contact centres: 30–45%).'),
      engagementTurnover: nonneg(2, 'Turnover hazard × exp(−engagementTurnover·(engagement − 0.5)): engaged staff stay. Assumed.'),
      noviceGap: prob(0.2, 'A new hire starts this much below the skill it will reach, and closes the gap with experience.'),
      learningDays: z.number().positive().default(180).describe('Time constant of learning: a new hire\'s skill gap shrinks by e^(−tenure/learningDays). Default 180.'),
      hiringCost: nonneg(3000, 'Recruiting and training one employee (money). Reference: Zappos offers $2,000 to leave after training (F17).'),
    },
    'Employees: skill, culture fit and engagement; they learn, respond to feedback and workload, leave and are replaced.',
  ),
  rewards: section(
    {
      financial: rewardSchema({ time: 0.8, solve: 0.8, close: 0.7, upsell: 0.3, rush: 0.97, engage: -0.05 }, 'financial'),
      satisfaction: rewardSchema({ time: 1.1, solve: 1.1, close: 0.05, upsell: 0.02, rush: 1, engage: 0.15 }, 'satisfaction-based'),
    },
    'Behaviour by reward scheme.',
  ),
  upsell: section(
    {
      success: prob(0.2, 'Probability a sales pitch sells.'),
      margin: nonneg(40, 'One-off margin of an upsell (money).'),
      irritation: prob(0.92, 'Contact-score multiplier of a sales pitch.'),
    },
    'Sales pitches in service contacts.',
  ),
  styles: section(
    {
      process: styleSchema({ time: 1, cv: 0.3, delight: 0.02, warmth: 0 }, 'process'),
      personal: styleSchema({ time: 1.35, cv: 0.7, delight: 0.25, warmth: 0.1 }, 'personal'),
    },
    'Service styles (F10).',
  ),
  experience: section(
    {
      solved: nonneg(1, 'Contact-score multiplier when the problem or question is solved: a solved matter meets the expectation, it does not exceed it (Dixon, Freeman & Toman 2010: effort, not delight, drives loyalty); only warmth and delight lift a contact above it.'),
      closedUnsolved: nonneg(0.7, 'Multiplier when the ticket is closed but the problem is not solved.'),
      unsolved: nonneg(0.6, 'Multiplier when the contact does not solve the problem.'),
      escalated: nonneg(0.85, 'Multiplier when the employee must ask permission first (F9).'),
      repeat: prob(0.9, 'Multiplier per earlier contact about the same problem (F12).'),
      waitWeight: prob(0.8, 'Weight of waiting against not being helped: waiting can cost at most waitWeight × (1 − unsolved) of a contact\'s score, as 1 − that·(1 − e^(−excess/tolerance)). F5: "slow" is named about 20% less often than "incompetent", so 0.8.'),
      delightImpact: z.number().min(1).max(2).default(1.2).describe('Multiplier of a delightful contact. Default 1.2.'),
      honestTrustFactor: prob(0.3, 'Proactive honesty: share of the trust loss of a failure that remains (F16).'),
      honestQuitFactor: prob(0.8, 'Proactive honesty: share of the quit probability after a bad experience that remains (F16).'),
    },
    'How a contact feels to the customer (F5: competence beats speed).',
  ),
};

export const serviceSchema = section(serviceShape, 'Service operations: the contact centre, its channels, employees and levers (F2, F5, F8–F10, F12, F13, F15, F16).');
