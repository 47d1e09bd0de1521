/**
 * The levers the studio offers: every number, whole number, switch and choice of the parameters,
 * with the range, default and documentation of the scenario schema (its JSON Schema), found by
 * walking a strategy's resolved parameters so that named entries (segments, channels) are included.
 */
import { z } from 'zod';
import { paramsSchema, type Params } from '../scenario/schema.js';

type Json = Record<string, unknown>;

export interface Lever {
  /** Dotted path in the parameters, e.g. service.employees. */
  path: string;
  section: string;
  kind: 'number' | 'integer' | 'boolean' | 'choice';
  doc: string;
  /** Schema default ("Default …" in the documentation). */
  default?: unknown;
  min?: number;
  /** The schema's maximum, when it has one. */
  max?: number;
  /** Slider range and step (the number box accepts values past the slider within min…max). */
  sliderMin?: number;
  sliderMax?: number;
  step?: number;
  options?: string[];
}

let schema: Json | undefined;
const paramsJsonSchema = () => (schema ??= z.toJSONSchema(paramsSchema, { io: 'input' }) as Json);

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const BIG = 1e15;

/** Levers for the parameters `params` (a strategy's resolved parameters), in schema order. */
export function leversFor(params: Params): Lever[] {
  const out: Lever[] = [];
  walk(paramsJsonSchema(), params as unknown as Json, [], out);
  return out;
}

function walk(node: Json, value: unknown, path: string[], out: Lever[]): void {
  const branch = pickBranch(node, value);
  if (!branch) return;
  if (isObject(value)) {
    const props = (branch.properties ?? {}) as Record<string, Json>;
    const extra = isObject(branch.additionalProperties) ? branch.additionalProperties : undefined;
    for (const key of Object.keys(value)) {
      const child = props[key] ?? extra;
      if (child) walk(child, value[key], [...path, key], out);
    }
    return;
  }
  const lever = leafLever(branch, value, path);
  if (lever) out.push(lever);
}

/** The schema branch that describes this value (unions: the object branch whose keys and constants fit). */
function pickBranch(node: Json, value: unknown): Json | undefined {
  const options = (node.anyOf ?? node.oneOf) as Json[] | undefined;
  if (!options) return node;
  return options.find((o) => {
    if (isObject(value)) {
      if (o.type !== 'object') return false;
      const props = (o.properties ?? {}) as Record<string, Json>;
      return Object.entries(value).every(([k, v]) => props[k] && (props[k].const === undefined || props[k].const === v));
    }
    return o.type === typeof value || (o.type === 'integer' && typeof value === 'number') || (Array.isArray(o.enum) && o.enum.includes(value));
  });
}

function leafLever(node: Json, value: unknown, path: string[]): Lever | undefined {
  const base = { path: path.join('.'), section: path[0], doc: String(node.description ?? ''), default: node.default };
  if (node.type === 'boolean' && typeof value === 'boolean') return { ...base, kind: 'boolean' };
  if (node.type === 'string' && Array.isArray(node.enum) && typeof value === 'string') return { ...base, kind: 'choice', options: node.enum.map(String) };
  if ((node.type === 'number' || node.type === 'integer') && typeof value === 'number') {
    const integer = node.type === 'integer';
    const min = typeof node.minimum === 'number' ? node.minimum : typeof node.exclusiveMinimum === 'number' ? node.exclusiveMinimum : undefined;
    const max = typeof node.maximum === 'number' && node.maximum < BIG ? node.maximum : undefined;
    const sliderMin = min ?? Math.min(0, value);
    const reference = Math.max(Math.abs(value), typeof node.default === 'number' ? Math.abs(node.default) : 0);
    const sliderMax = max ?? niceCeil(Math.max(reference * 4, sliderMin + (integer ? 4 : 1)));
    const step = integer ? 1 : niceStep((sliderMax - sliderMin) / 200);
    return { ...base, kind: integer ? 'integer' : 'number', min, max, sliderMin, sliderMax, step };
  }
  return undefined;
}

/** 1, 2 or 5 × a power of ten, at least x. */
function niceCeil(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= x) ?? 10 * p;
}

function niceStep(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 5].map((m) => m * p).reverse().find((v) => v <= x) ?? p;
}

/** The value at a dotted path. */
export function getPath(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), obj);
}

/** A deep copy of `obj` with each path set to its value. */
export function withValues<T>(obj: T, values: Readonly<Record<string, unknown>>): T {
  const copy = structuredClone(obj) as unknown as Json;
  for (const [path, v] of Object.entries(values)) {
    const keys = path.split('.');
    let node: Json = copy;
    for (const k of keys.slice(0, -1)) {
      if (!isObject(node[k])) node[k] = {};
      node = node[k] as Json;
    }
    node[keys[keys.length - 1]] = v;
  }
  return copy as unknown as T;
}

/** What `b` changes relative to `a`, as a nested override (objects recursively; anything else whole when not equal). */
export function diff(a: unknown, b: unknown): Json | undefined {
  if (!isObject(a) || !isObject(b)) return undefined;
  const out: Json = {};
  for (const [k, v] of Object.entries(b)) {
    if (isObject(v) && isObject(a[k])) {
      const d = diff(a[k], v);
      if (d) out[k] = d;
    } else if (JSON.stringify(v) !== JSON.stringify(a[k])) out[k] = structuredClone(v);
  }
  return Object.keys(out).length ? out : undefined;
}
