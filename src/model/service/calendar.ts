/**
 * Opening hours of a service channel in simulation minutes. Day d (1-based) covers minutes
 * [(d − 1)·1440, d·1440); weekday = (startWeekday + d − 1) mod 7 with 0 = Monday. A channel is
 * open from `open` to `close` o'clock on its weekdays (24/7: 0 to 24 every day) (F13).
 */
export const MINUTES_PER_DAY = 1440;

export interface Hours {
  open: number; // hour of day, 0–24
  close: number; // hour of day, > open
  weekdays: readonly number[]; // 0 = Monday … 6 = Sunday
}

export const ALWAYS: Hours = { open: 0, close: 24, weekdays: [0, 1, 2, 3, 4, 5, 6] };

export function weekdayOf(day: number, startWeekday: number): number {
  return (startWeekday + day - 1) % 7;
}

/** First minute of day d. */
export const dayStart = (day: number) => (day - 1) * MINUTES_PER_DAY;

/** Is the channel open at minute t? */
export function isOpen(h: Hours, t: number, startWeekday: number): boolean {
  const day = Math.floor(t / MINUTES_PER_DAY) + 1;
  if (!h.weekdays.includes(weekdayOf(day, startWeekday))) return false;
  const minuteOfDay = t - dayStart(day);
  return minuteOfDay >= h.open * 60 && minuteOfDay < h.close * 60;
}

/** The first minute ≥ t at which the channel is open (t itself if open); Infinity if never open. */
export function nextOpening(h: Hours, t: number, startWeekday: number): number {
  if (h.weekdays.length === 0 || h.close <= h.open) return Infinity;
  if (isOpen(h, t, startWeekday)) return t;
  let day = Math.floor(t / MINUTES_PER_DAY) + 1;
  for (let k = 0; k < 8; k++, day++) {
    if (!h.weekdays.includes(weekdayOf(day, startWeekday))) continue;
    const opening = dayStart(day) + h.open * 60;
    if (opening >= t) return opening;
  }
  return Infinity;
}

/** Open minutes of the channel on day d. */
export function openMinutes(h: Hours, day: number, startWeekday: number): number {
  return h.weekdays.includes(weekdayOf(day, startWeekday)) ? (h.close - h.open) * 60 : 0;
}
