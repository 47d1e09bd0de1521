/**
 * Parameters named by dotted path (journey.processQuality, market.segments.price.share): checked
 * against a strategy's resolved parameters with did-you-mean hints, and applied to a design
 * point by deep merge followed by the schema's full validation, so a bad point reads clearly.
 */
import { z } from 'zod';
import { schemaAt, suggest, unwrap } from '../scenario/describe.js';
import { UserError, pathToString } from '../scenario/errors.js';
import { toPathIssues } from '../scenario/issues.js';
import { deepMerge, isPlainObject } from '../scenario/merge.js';
import { paramsSchema, type Params } from '../scenario/schema.js';
import { isRange, type Level, type Values } from './design.js';

export interface SweptParameter {
  path: string;
  segments: string[];
  /** A whole-number setting (market.size): drawn or interpolated values are rounded. */
  integer: boolean;
}

// Scenario-wide settings that are not parameters of a strategy, with what to use instead.
const NOT_PARAMETERS: Record<string, string> = {
  seed: 'the master seed is not a parameter: use --seed',
  days: 'the horizon is a scenario setting, not a parameter: use --days',
  replications: 'replications are not a parameter: use --replications',
  strategies: 'strategies are not a parameter: pick one with --strategy and sweep its settings',
};

/** Checks that `path` names a setting (not a section) of `params`; the error names the closest existing key. */
export function resolveParameter(path: string, params: Params, values?: Values): SweptParameter {
  const segments = path.split('.');
  const fail = (why: string) => new UserError(`cannot sweep \`${path}\`: ${why}`);
  if (segments.length === 1 && Object.hasOwn(NOT_PARAMETERS, path)) throw fail(NOT_PARAMETERS[path]);
  let node: unknown = params;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if (!isPlainObject(node)) throw fail(`\`${segments.slice(0, i).join('.')}\` is a setting, not a section`);
    if (!Object.hasOwn(node, seg)) {
      const keys = Object.keys(node);
      const where = i === 0 ? 'no parameter section' : `\`${segments.slice(0, i).join('.')}\` has no`;
      const close = suggest(seg, keys);
      throw fail(`${where} \`${seg}\`; ${close ? `did you mean \`${[...segments.slice(0, i), close].join('.')}\`?` : `expected one of ${keys.join(', ')}`}`);
    }
    node = node[seg];
  }
  if (isPlainObject(node) || Array.isArray(node)) {
    const keys = isPlainObject(node) ? Object.keys(node) : [];
    throw fail(`it is a section; name one of its settings${keys.length ? `, e.g. ${keys.slice(0, 3).map((k) => `${path}.${k}`).join(', ')}` : ''}`);
  }
  if (values && isRange(values) && typeof node !== 'number') throw fail(`a {min, max} range needs a numeric setting, and this one is ${JSON.stringify(node)}`);
  return { path, segments, integer: isIntegerSetting(segments) };
}

/** Whether the schema wants a whole number there (a union such as `2 | "all"` counts when one branch is an integer). */
function isIntegerSetting(segments: readonly string[]): boolean {
  const s = schemaAt(paramsSchema, segments);
  if (!s) return false;
  const inner = unwrap(s);
  if (inner instanceof z.ZodNumber) return inner.isInt;
  if (inner instanceof z.ZodUnion) return inner.options.some((o) => { const u = unwrap(o as z.core.$ZodType); return u instanceof z.ZodNumber && u.isInt; });
  return false;
}

/** `{ a: { b: value } }` for the path a.b. */
function overrideFor(segments: readonly string[], value: Level): Record<string, unknown> {
  return segments.reduceRight<unknown>((inner, seg) => ({ [seg]: inner }), value) as Record<string, unknown>;
}

/** A point's parameters: its values merged over `base`, then validated as a whole (cross-field checks included). */
export function applyPoint(base: Params, parameters: readonly SweptParameter[], values: readonly Level[]): { params?: Params; problems: string[] } {
  let merged: unknown = base;
  parameters.forEach((p, j) => (merged = deepMerge(merged, overrideFor(p.segments, values[j]))));
  const r = paramsSchema.safeParse(merged, { reportInput: true });
  if (r.success) return { params: r.data, problems: [] };
  const problems = toPathIssues(r.error.issues, paramsSchema, merged).map((i) => {
    const text = `${pathToString(i.path)}: ${i.message}`;
    return i.suggestion === undefined ? text : `${text}; did you mean \`${i.suggestion}\`?`;
  });
  return { problems };
}

/** `journey.processQuality=0.97, market.size=5000`: how a point is named in messages. */
export function describePoint(parameters: readonly SweptParameter[], values: readonly Level[]): string {
  return parameters.map((p, j) => `${p.path}=${typeof values[j] === 'number' ? formatLevel(values[j] as number) : String(values[j])}`).join(', ');
}

const formatLevel = (x: number) => (Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6))));
