/**
 * Compiles the scenario's service section into what the desks read: channels with their
 * opening hours in minutes, the active reward scheme and service style resolved, the request
 * probability by weekday, and the segments' as-expected scores.
 */
import { DAYS_PER_YEAR } from '../fields.js';
import type { Params } from '../params.js';
import { WEEKDAYS } from '../vocabulary.js';
import { perSegment } from '../mechanisms/market.js';
import { ALWAYS, type Hours } from './calendar.js';

type Service = Params['service'];

export interface ChannelConfig {
  name: string;
  hours: Hours;
  synchronous: boolean;
  targetMinutes: number;
  toleranceMinutes: number;
  patienceMinutes: number; // 0 = never hangs up
  handleMinutes: number;
}

export interface ServiceConfig {
  model: Service['model'];
  /** recovery.storyRecoveryWeight: how much the fix weighs in the story of a resolved case (§6). */
  storyRecoveryWeight: number;
  employees: number;
  staffing: Service['staffing'];
  costPerEmployeeHour: number;
  startWeekday: number;
  arrivalFrom: number; // minute of day
  arrivalTo: number;
  /** Cumulative hour weights (24, last = 1) for the moment of contact, or null for the uniform window. */
  hourCum: Float64Array | null;
  /** Probability a customer has a service request on a day, by weekday (Monday first). */
  questionProbability: Float64Array;
  /** Service requests of each segment relative to the average customer's (market.segments.*.serviceRequests). */
  requestMultiplier: Float64Array;
  channels: ChannelConfig[];
  channelCum: Float64Array;
  reward: Service['rewards']['financial'];
  style: Service['styles']['process'];
  autonomy: boolean;
  honest: boolean;
  feedbackVisibility: number;
  leverCosts: Service['leverCosts'];
  exponential: boolean;
  handling: Service['handling'];
  goodwill: Service['goodwill'];
  staff: Service['staff'];
  upsell: Service['upsell'];
  experience: Service['experience'];
  /** The simple desk: resolution chances and the recovery scores by outcome. */
  simple: { resolveProbability: number; quickShare: number; recoveryScore: Float64Array };
  asExpected: Float64Array; // by segment
}

function hoursOf(s: Service, h: Service['channels'][string]['hours']): Hours {
  if (h === '24/7') return ALWAYS;
  const named = typeof h === 'string' ? s[h] : h;
  return { open: named.open, close: named.close, weekdays: named.weekdays.map((d) => WEEKDAYS.indexOf(d)) };
}

function cumulative(weights: readonly number[]): Float64Array {
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  return Float64Array.from(weights, (w) => (sum += w) / total);
}

/** Daily request probability by weekday: the yearly rate spread by the weekday pattern (mean 1). */
function questionProbability(s: Service): Float64Array {
  const daily = s.questionsPerCustomerPerYear / DAYS_PER_YEAR;
  const w = s.arrivals?.weekdays ?? [1, 1, 1, 1, 1, 1, 1];
  const mean = w.reduce((a, b) => a + b, 0) / 7;
  return Float64Array.from(w, (x) => Math.min(1, (daily * x) / mean));
}

export function compileService(p: Params): ServiceConfig {
  const s = p.service;
  const entries = Object.entries(s.channels);
  let cum = 0;
  return {
    model: s.model,
    storyRecoveryWeight: p.recovery.storyRecoveryWeight,
    employees: s.employees,
    staffing: s.staffing,
    costPerEmployeeHour: s.costPerEmployeeHour,
    startWeekday: WEEKDAYS.indexOf(s.startWeekday),
    arrivalFrom: s.arrivalFrom * 60,
    arrivalTo: s.arrivalTo * 60,
    hourCum: s.arrivals?.hourly ? cumulative(s.arrivals.hourly) : null,
    questionProbability: questionProbability(s),
    requestMultiplier: Float64Array.from(Object.values(p.market.segments), (g) => g.serviceRequests),
    channels: entries.map(([name, c]) => ({
      name,
      hours: hoursOf(s, c.hours),
      synchronous: c.synchronous,
      targetMinutes: c.targetMinutes,
      toleranceMinutes: c.toleranceMinutes,
      patienceMinutes: c.synchronous ? c.patienceMinutes : 0,
      handleMinutes: c.handleMinutes,
    })),
    channelCum: Float64Array.from(entries.map(([, c]) => (cum += c.share))),
    reward: s.rewards[s.rewardScheme],
    style: s.styles[s.style],
    autonomy: s.autonomy,
    honest: s.honesty === 'proactive',
    feedbackVisibility: s.feedbackVisibility,
    leverCosts: s.leverCosts,
    exponential: s.handling.distribution === 'exponential',
    handling: s.handling,
    goodwill: s.goodwill,
    staff: s.staff,
    upsell: s.upsell,
    experience: s.experience,
    simple: {
      resolveProbability: s.resolveProbability,
      quickShare: s.quickShare,
      recoveryScore: Float64Array.from([NaN, p.recovery.unresolvedScore, p.recovery.resolvedScore, p.recovery.resolvedQuicklyScore]),
    },
    asExpected: perSegment(p, (g) => g.asExpectedScore),
  };
}
