/**
 * The seam between the market side and the service side of the model. Customers who voice a
 * complaint submit a case, customers with a question ask; the desk decides, on that day or
 * later, how each contact and case ends and reports them, and the engine turns the reports
 * into memory, churn hazard and word of mouth. Two desks: simple (simpleDesk.ts) and the
 * contact centre (contactCentre.ts).
 */
import type { Rng } from '../../random/streams.js';

/** How a case ended: UNRESOLVED, RESOLVED or RESOLVED_QUICKLY (see config.ts). */
export type CaseOutcome = number;

export interface DeskReport {
  /** A contact was handled (or abandoned): an experience with this score. */
  contact(agent: number, score: number): void;
  /** A problem case ended; `score` is how its last contact felt. */
  caseEnded(agent: number, severity: number, bad: boolean, outcome: CaseOutcome, score: number): void;
  /** A question was answered (or not); the customer may talk about it. */
  questionEnded(agent: number, score: number): void;
}

/** The desk's day, for the firm's KPIs and the customer's view (F6, F12) and the books. */
export interface DeskStats {
  arrived: number; // contacts that entered a queue
  answered: number; // contacts whose handling finished
  abandoned: number; // callers who hung up while waiting
  waiting: number; // contacts queued or in service at the end of the day
  waitMinutes: number; // Σ queue waits of contacts taken into service today (firm's measure)
  withinTarget: number; // of those, answered within the channel's target
  started: number; // contacts taken into service today
  handleMinutes: number; // Σ handle times of contacts answered today
  closedFirm: number; // answered contacts whose ticket was closed in that contact (the firm's FCR)
  casesEnded: number;
  caseContacts: number; // Σ contacts of the cases that ended today (customer's view)
  casesSolved: number;
  casesSolvedFirst: number; // solved in the customer's first contact about them
  scoreSum: number; // Σ contact scores of contacts answered today
  goodwill: number; // money
  upsellRevenue: number; // money
  staffCost: number; // money
  engagement: number; // mean engagement of the staff
}

export function newDeskStats(): DeskStats {
  return {
    arrived: 0, answered: 0, abandoned: 0, waiting: 0, waitMinutes: 0, withinTarget: 0, started: 0, handleMinutes: 0,
    closedFirm: 0, casesEnded: 0, caseContacts: 0, casesSolved: 0, casesSolvedFirst: 0, scoreSum: 0, goodwill: 0, upsellRevenue: 0, staffCost: 0, engagement: 0,
  };
}

export interface ServiceDesk {
  /** A customer complains about a problem of the given severity (bad = the episode was a bad experience). */
  submit(agent: number, severity: number, bad: boolean): void;
  /** A customer has a question. */
  ask(agent: number): void;
  /** Works the day (minutes of day `day`); reports what ends; fills `stats` for the day. */
  step(day: number, rng: Rng, report: DeskReport): void;
  readonly stats: DeskStats;
}
