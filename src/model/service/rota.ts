/**
 * Who is on duty, hour by hour (§17). Fixed: `employees` whenever the desk is open. By demand:
 * each hour the desk is open, the fewest employees (at least one, at most the `employees` the
 * firm has) whose Erlang C service level reaches the target for the hour's forecast load —
 *   λ = mean contacts offered in the same hour of the week over the last `forecastWeeks` weeks,
 *   μ = 1 / mean handle time of the contacts handled so far (or the plan's, before any),
 * the way contact centres staff (a seasonal naive forecast and Erlang C). Until a week of
 * history exists, all employees are on duty. Staff are paid for the hours they are on duty, so
 * staff cost is an outcome: shorter calls need fewer hours; 24/7 is staffed for night demand.
 */
import { agentsFor } from './erlang.js';
import type { ServiceConfig } from './serviceConfig.js';

const HOURS_PER_WEEK = 168;

export interface Rota {
  /** Employees on duty in hour `hour` (0–23) of day `day` (the desk is open in that hour). */
  onDuty(day: number, hour: number): number;
  /** A contact is offered in hour-of-week slot `slot` (it needs an employee then). */
  offered(slot: number): void;
  /** A contact was handled in this many minutes. */
  handled(minutes: number): void;
}

export function fixedRota(svc: ServiceConfig): Rota {
  return { onDuty: () => svc.employees, offered() {}, handled() {} };
}

export function demandRota(svc: ServiceConfig, plannedHandleMinutes: number): Rota {
  const { forecastWeeks, serviceLevel, answerWithinMinutes } = svc.staffing;
  const rows = forecastWeeks + 1; // the weeks averaged, and the current week being counted
  const history = new Float64Array(rows * HOURS_PER_WEEK); // offered contacts by week × slot
  let handledMinutes = 0, handledCount = 0;
  let firstWeek = -1, currentWeek = -1;
  const weekOf = (day: number) => Math.floor((day - 1) / 7);
  return {
    onDuty(day, hour) {
      const week = weekOf(day);
      if (firstWeek < 0) firstWeek = week;
      if (week !== currentWeek) {
        // A new week: its row of the ring buffer starts empty.
        currentWeek = week;
        history.fill(0, (week % rows) * HOURS_PER_WEEK, ((week % rows) + 1) * HOURS_PER_WEEK);
      }
      const weeks = Math.min(forecastWeeks, week - firstWeek);
      if (weeks === 0) return svc.employees;
      const slot = (((svc.startWeekday + day - 1) % 7) * 24) + hour;
      let offered = 0;
      for (let w = 1; w <= weeks; w++) offered += history[((week - w) % rows) * HOURS_PER_WEEK + slot];
      const lambda = offered / weeks / 60; // per minute
      const aht = handledCount > 0 ? handledMinutes / handledCount : plannedHandleMinutes;
      return agentsFor(lambda, 1 / aht, serviceLevel, answerWithinMinutes, 1, svc.employees);
    },
    offered(slot) {
      if (currentWeek >= 0) history[(currentWeek % rows) * HOURS_PER_WEEK + slot]++;
    },
    handled(minutes) {
      handledMinutes += minutes;
      handledCount++;
    },
  };
}
