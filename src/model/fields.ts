/**
 * Small zod builders for scenario parameters, so every field carries its range, default and
 * documentation (which flows into the JSON Schema editors use) in one place.
 */
import { z } from 'zod';

/** A probability in [0, 1]. */
export const prob = (def: number, doc: string) =>
  z.number().min(0).max(1).default(def).describe(`${doc} Default ${def}.`);

/** A non-negative real number. */
export const nonneg = (def: number, doc: string) =>
  z.number().min(0).default(def).describe(`${doc} Default ${def}.`);

/** A positive integer. */
export const posint = (def: number, doc: string) =>
  z.number().int().min(1).default(def).describe(`${doc} Default ${def}.`);

/** A score on the customer's 0–10 scale. */
export const score = (def: number, doc: string) =>
  z.number().min(0).max(10).default(def).describe(`${doc} Default ${def}.`);

/**
 * A nested section whose own fields all have defaults, so the whole section may be omitted.
 * `prefault` (unlike `default`) runs the inner schema on `{}` and fills every inner default.
 */
export const section = <T extends z.ZodRawShape>(shape: T, doc: string) =>
  z.strictObject(shape).prefault({} as z.input<z.ZodObject<T, z.core.$strict>>).describe(doc);

/**
 * The rule for names that key a section (strategies, segments, touchpoints, channels): a letter,
 * then letters, digits, `-` or `_`, at most 64 characters in all. Names become folder names
 * (`cxsim run --strategy`), CSV cells and chart fields, so they stay plain; names such as
 * `constructor` or `toString` are fine (every lookup is by own key), `__proto__` is not a name.
 */
export const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
export const nameRule = (what = 'a name') => `${what} starts with a letter and uses only letters, digits, - and _, at most 64 characters`;
/** A section key under NAME_PATTERN; `what` names it in the message ("a strategy name starts with…"). */
export const nameKey = (what = 'a name') => z.string().regex(NAME_PATTERN, nameRule(what)).describe(`Names: ${nameRule()}.`);

/** A number rounded to 6 decimals, for messages. */
export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Yearly scenario figures become daily rates with this (a year of days, leap days ignored). */
export const DAYS_PER_YEAR = 365;
