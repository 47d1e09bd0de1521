/**
 * What a sweep varies, as written in a scenario's `sweep:` section or given with `--param`
 * flags: the library's spec type, the section's schema (defined in scenario/sweepSchema.ts so
 * scenario files can hold it), the parser of `path=values` flags and how flags meet the section.
 */
import { UserError } from '../scenario/errors.js';
import { numberTextProblem } from '../scenario/literals.js';
import { sweepSpecSchema, type SweepSection } from '../scenario/sweepSchema.js';
import type { Level, Values } from './design.js';

export { sweepSpecSchema, type SweepSection };

/** A sweep as the library takes it (the section's fields, all but the parameters optional). */
export interface SweepSpec {
  parameters: Record<string, Values>;
  design?: 'grid' | 'lhs';
  points?: number;
  levels?: number;
  strategy?: string;
  metric?: string;
  replications?: number;
  /** Seed of the Latin hypercube's stream; default the scenario's seed. */
  seed?: number;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** A level as written on the command line: a number when it reads as one, true/false, else text. */
export function parseLevel(text: string): Level {
  const t = text.trim();
  if (NUMBER.test(t.replace(/_/g, ''))) {
    const n = Number(t.replace(/_/g, ''));
    const problem = numberTextProblem(t, n);
    if (problem) throw new UserError(`--param: ${problem}`);
    return n;
  }
  if (t === 'true' || t === 'false') return t === 'true';
  return t;
}

/** `path=a,b,c` (a list), `path=min:max` or `path=min:max:levels` (a range), or `path=value`. */
export function parseParamFlag(flag: string): [string, Values] {
  const eq = flag.indexOf('=');
  const path = eq > 0 ? flag.slice(0, eq).trim() : '';
  const body = eq > 0 ? flag.slice(eq + 1).trim() : '';
  const bad = (why: string) => new UserError(`--param ${flag}: ${why} (write path=a,b,c for a list, path=min:max or path=min:max:levels for a range)`);
  if (!path || !body) throw bad('expected path=values');
  if (body.includes(':') && !body.includes(',')) {
    const parts = body.split(':').map(parseLevel);
    if (parts.length < 2 || parts.length > 3 || parts.some((p) => typeof p !== 'number')) throw bad('a range needs two or three numbers');
    const [min, max, levels] = parts as number[];
    if (min > max) throw bad(`min ${min} exceeds max ${max}`);
    if (levels !== undefined && !(Number.isInteger(levels) && levels >= 1)) throw bad(`levels must be a whole number ≥ 1, got ${levels}`);
    return [path, levels === undefined ? { min, max } : { min, max, levels }];
  }
  const list = body.split(',').map((s) => s.trim());
  if (list.some((s) => s === '')) throw bad('empty value in the list');
  return [path, list.map(parseLevel)];
}

/** The command line's sweep flags: the spec's settings, with `--param` flags for the parameters. */
export type SweepFlags = Omit<SweepSpec, 'parameters' | 'seed'> & { param?: string[] };

/** The scenario's section with the command line laid over it; `--param` flags replace the section's parameters as a whole. */
export function sweepSpecFrom(section: SweepSection | undefined, flags: SweepFlags): SweepSpec {
  const fromFlags = (flags.param ?? []).map(parseParamFlag);
  const seen = new Set<string>();
  for (const [p] of fromFlags) {
    if (seen.has(p)) throw new UserError(`--param ${p} is given twice; give each parameter once with all its values`);
    seen.add(p);
  }
  const parameters = fromFlags.length > 0 ? Object.fromEntries(fromFlags) : (section?.parameters ?? {});
  if (Object.keys(parameters).length === 0)
    throw new UserError('nothing to sweep: name a parameter with --param path=values (e.g. --param journey.processQuality=0.97,0.98,0.99), or add a sweep: section to the scenario');
  const pick = <K extends keyof SweepFlags & keyof SweepSection>(k: K) => flags[k] ?? section?.[k];
  const spec: SweepSpec = { parameters, design: pick('design') ?? 'grid' };
  for (const k of ['points', 'levels', 'strategy', 'metric', 'replications'] as const) {
    const v = pick(k);
    if (v !== undefined) (spec as unknown as Record<string, unknown>)[k] = v;
  }
  return spec;
}
