/**
 * The seam between the market side and the service side of the model. Customers who voice a
 * complaint submit a case; the desk decides, on that day or later, how each case ends and
 * reports the outcome, which the recovery mechanism turns into memory, churn hazard and WOM.
 * The simple desk resolves by probability; the contact-centre model replaces it.
 */
import type { Rng } from '../../random/streams.js';

/** How a case ended: UNRESOLVED, RESOLVED or RESOLVED_QUICKLY (see config.ts). */
export type CaseOutcome = number;

export interface CaseReport {
  (agent: number, severity: number, bad: boolean, outcome: CaseOutcome): void;
}

export interface ServiceDesk {
  /** A customer complains about a problem of the given severity (bad = the episode was a bad experience). */
  submit(agent: number, severity: number, headquarters: boolean, bad: boolean): void;
  /** Work the day's cases; report every case that ends today. */
  step(day: number, rng: Rng, report: CaseReport): void;
}
