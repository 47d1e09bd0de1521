/**
 * The seam between the market side and the service side of the model. Customers who voice a
 * complaint submit a case, customers with a question ask; the desk decides, on that day or
 * later, how each contact and case ends and reports it. Desk kinds are registered in desks.ts
 * (the scenario's `service.model` names one).
 */
import type { Rng } from '../../random/streams.js';
import type { Run } from '../mechanism.js';
import type { ServiceConfig } from './serviceConfig.js';

/** How a case ended: UNRESOLVED, RESOLVED or RESOLVED_QUICKLY (vocabulary.ts). */
export type CaseOutcome = number;

export interface DeskReport {
  /** A contact was handled (or abandoned): an experience with this score. */
  contact(agent: number, score: number): void;
  /** A problem case ended; `score` is how its last contact felt. */
  caseEnded(agent: number, severity: number, shortfall: number, outcome: CaseOutcome, score: number): void;
  /** A question was answered (or not). */
  questionEnded(agent: number, score: number): void;
  /** What serving the customer took and brought: handle minutes, money paid for them alone, upsell margin (F18). */
  served?(agent: number, minutes: number, cost: number, revenue: number): void;
}

/** The desk's day, named as the service metrics it feeds (mechanisms/service.ts declares them). */
export interface DeskStats {
  contactsArrived: number; // contacts that entered a queue
  contactsAnswered: number; // contacts whose handling finished
  contactsAbandoned: number; // callers who hung up while waiting
  contactsWaiting: number; // contacts queued or in service at the end of the day (a stock)
  waitMinutesTotal: number; // Σ queue waits of contacts taken into service today (firm's measure)
  answeredInTarget: number; // of those, answered within the channel's target
  contactsStarted: number; // contacts taken into service today
  handleMinutesTotal: number; // Σ handle times of contacts answered today
  closedFirst: number; // answered contacts whose ticket was closed in that contact (the firm's FCR)
  casesEnded: number;
  caseContacts: number; // Σ contacts of the cases that ended today (customer's view)
  casesSolved: number;
  casesSolvedFirst: number; // solved in the customer's first contact about them
  contactScoreTotal: number; // Σ contact scores of contacts answered today
  goodwillCost: number; // money
  upsellRevenue: number; // money
  staffCost: number; // money
  staffMinutes: number; // minutes on duty paid today
  staffLeft: number; // employees who left (and were replaced)
  hiringCost: number; // money
  engagement: number; // mean engagement of the staff (a stock)
  meanSkill: number; // mean skill of the staff (a stock)
}

export function newDeskStats(): DeskStats {
  return {
    contactsArrived: 0, contactsAnswered: 0, contactsAbandoned: 0, contactsWaiting: 0, waitMinutesTotal: 0, answeredInTarget: 0, contactsStarted: 0,
    handleMinutesTotal: 0, closedFirst: 0, casesEnded: 0, caseContacts: 0, casesSolved: 0, casesSolvedFirst: 0, contactScoreTotal: 0,
    goodwillCost: 0, upsellRevenue: 0, staffCost: 0, staffMinutes: 0, staffLeft: 0, hiringCost: 0, engagement: 0, meanSkill: 0,
  };
}

export interface ServiceDesk {
  /** A customer complains about a problem of the given severity; `shortfall` = how far the episode fell below expectation. */
  submit(agent: number, severity: number, shortfall: number): void;
  /** A customer has a question. */
  ask(agent: number): void;
  /** Works the day (minutes of day `day`); reports what ends; fills `stats` for the day. */
  step(day: number, rng: Rng): void;
  readonly stats: DeskStats;
}

/** A kind of desk: builds the desk of a run; `questions` says whether it models service requests. */
export interface DeskKind {
  questions: boolean;
  create(run: Run, svc: ServiceConfig, report: DeskReport): ServiceDesk;
}
