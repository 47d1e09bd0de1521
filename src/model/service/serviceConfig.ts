/**
 * Compiles the scenario's service section into what the contact centre reads: channels with
 * their opening hours in minutes, and the active reward scheme and service style resolved.
 */
import { WEEKDAYS } from '../../scenario/vocabulary.js';
import type { Params } from '../../scenario/schema.js';
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
  employees: number;
  costPerEmployeeHour: number;
  startWeekday: number;
  arrivalFrom: number; // minute of day
  arrivalTo: number;
  /** Cumulative hour weights (24, last = 1) for the moment of contact, or null for the uniform window. */
  hourCum: Float64Array | null;
  channels: ChannelConfig[];
  channelCum: Float64Array;
  reward: Service['rewards']['financial'];
  style: Service['styles']['process'];
  autonomy: boolean;
  feedbackVisibility: number;
  exponential: boolean;
  handling: Service['handling'];
  goodwill: Service['goodwill'];
  staff: Service['staff'];
  upsell: Service['upsell'];
  experience: Service['experience'];
}

const NAMED_HOURS: Record<string, Hours> = {
  officeHours: { open: 9, close: 17, weekdays: [0, 1, 2, 3, 4] },
  extendedHours: { open: 8, close: 20, weekdays: [0, 1, 2, 3, 4, 5] },
  '24/7': ALWAYS,
};

function hoursOf(h: Service['channels'][string]['hours']): Hours {
  if (typeof h === 'string') return NAMED_HOURS[h];
  return { open: h.open, close: h.close, weekdays: h.weekdays.map((d) => WEEKDAYS.indexOf(d)) };
}

function cumulative(weights: readonly number[]): Float64Array {
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  return Float64Array.from(weights, (w) => (sum += w) / total);
}

export function compileService(s: Service): ServiceConfig {
  const entries = Object.entries(s.channels);
  let cum = 0;
  return {
    employees: s.employees,
    costPerEmployeeHour: s.costPerEmployeeHour,
    startWeekday: WEEKDAYS.indexOf(s.startWeekday),
    arrivalFrom: s.arrivalFrom * 60,
    arrivalTo: s.arrivalTo * 60,
    hourCum: s.arrivals?.hourly ? cumulative(s.arrivals.hourly) : null,
    channels: entries.map(([name, c]) => ({
      name,
      hours: hoursOf(c.hours),
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
    feedbackVisibility: s.feedbackVisibility,
    exponential: s.handling.distribution === 'exponential',
    handling: s.handling,
    goodwill: s.goodwill,
    staff: s.staff,
    upsell: s.upsell,
    experience: s.experience,
  };
}
