/**
 * Numeric flags, one mechanism for all of them: each declares what it accepts (whole or real,
 * bounds, even), and a wrong value is a usage error naming the flag, what it takes and what it
 * got (`--workers: expected a whole number ≥ 1, got 0`), before any command runs.
 */
import { UserError } from '../scenario/errors.js';
import { numberTextProblem } from '../scenario/literals.js';

export interface NumberRule {
  integer?: boolean;
  min?: number;
  max?: number;
  even?: boolean;
}

/** "a whole number ≥ 1", "an even whole number ≥ 2", "a number between 0 and 1". */
export function describeRule(r: NumberRule): string {
  const kind = r.integer ? `${r.even ? 'an even ' : 'a '}whole number` : 'a number';
  if (r.min !== undefined && r.max !== undefined) return `${kind} between ${r.min} and ${r.max}`;
  if (r.min !== undefined) return `${kind} ≥ ${r.min}`;
  if (r.max !== undefined) return `${kind} ≤ ${r.max}`;
  return kind;
}

/** The value of `--name` checked against the rule; throws a UserError otherwise. */
export function checkNumber(name: string, raw: unknown, rule: NumberRule): number {
  const flag = name.length === 1 ? `-${name}` : `--${name}`;
  if (Array.isArray(raw)) throw new UserError(`${flag} is given ${raw.length} times (${raw.join(', ')}); give it once`);
  const text = String(raw).trim();
  // Decimal notation only: Number() would also take 0x10, 0b11 or Infinity.
  const n = typeof raw === 'number' ? raw : /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text) ? Number(text) : NaN;
  const literal = Number.isNaN(n) ? undefined : numberTextProblem(text, n);
  if (literal) throw new UserError(`${flag}: ${literal}`);
  const ok = Number.isFinite(n) && (!rule.integer || Number.isSafeInteger(n)) && (rule.min === undefined || n >= rule.min) && (rule.max === undefined || n <= rule.max) && (!rule.even || n % 2 === 0);
  if (!ok) throw new UserError(`${flag}: expected ${describeRule(rule)}, got ${text === '' ? 'nothing' : text}`);
  return n;
}

/**
 * A yargs option taking a number under `rule`. No yargs `type`: yargs would turn `abc` into NaN
 * before we see it; without one, the coerce function gets what was typed (numbers already parsed).
 */
export function numberOption(name: string, rule: NumberRule, describe: string, alias?: string) {
  return {
    ...(alias !== undefined && { alias }),
    requiresArg: true,
    describe: `${describe} (${describeRule(rule)})`,
    coerce: (raw: unknown) => checkNumber(name, raw, rule),
  } as const;
}

/** Rules shared by several commands. */
export const RULES = {
  seed: { integer: true, min: 0, max: Number.MAX_SAFE_INTEGER },
  days: { integer: true, min: 1 },
  replications: { integer: true, min: 1 },
  workers: { integer: true, min: 1 },
} as const satisfies Record<string, NumberRule>;
