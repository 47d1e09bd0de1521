/**
 * Examples are tests: every bundled scenario (scenarios/*.yaml) loads without problems, points
 * editors at the committed JSON Schema, is valid against that schema, and runs (briefly: every
 * strategy, 1 replication, at most 20 days, market at most 20,000, shrunk through the loaded
 * Scenario object, never by editing the file) to finite series.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiments/networkCache.js';
import { METRIC_BY_KEY, METRIC_KEYS } from '../../src/model/metrics.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/schema.js';

const DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
const SCHEMA_LINE = '# yaml-language-server: $schema=./cxsim.schema.json';
const JSON_SCHEMA = JSON.parse(readFileSync(join(DIR, 'cxsim.schema.json'), 'utf8')) as Schema;

const MAX_DAYS = 20;
const MAX_MARKET = 20_000;

function load(file: string): Scenario {
  try {
    return loadScenario(join(DIR, file));
  } catch (e) {
    throw new Error(e instanceof ScenarioError ? e.format() : String(e));
  }
}

/** The scenario cut down for a quick run: 1 replication, ≤ 20 days, market ≤ 20,000 (initial customers scaled with it). */
function shrink(s: Scenario): Scenario {
  return {
    ...s,
    days: Math.min(s.days, MAX_DAYS),
    replications: 1,
    strategies: s.strategies.map((st) => {
      const { size, initialCustomers } = st.params.market;
      if (size <= MAX_MARKET) return st;
      const market = { ...st.params.market, size: MAX_MARKET, initialCustomers: Math.round((initialCustomers * MAX_MARKET) / size) };
      return { ...st, params: { ...st.params, market } };
    }),
  };
}

it('there are bundled scenarios to test (default and bass at least)', () => {
  expect(FILES).toEqual(expect.arrayContaining(['default.yaml', 'bass.yaml']));
});

describe.each(FILES)('scenarios/%s', (file) => {
  const text = readFileSync(join(DIR, file), 'utf8');

  it('starts with the yaml-language-server $schema line', () => {
    expect(text.split(/\r?\n/)[0]).toBe(SCHEMA_LINE);
  });

  it('loads with loadScenario without problems', () => {
    const s = load(file);
    expect(s.strategies.length).toBeGreaterThan(0);
    expect(s.strategies[0].name).toBe('baseline');
  });

  it('is valid against the committed scenarios/cxsim.schema.json', () => {
    const errors = validate(JSON_SCHEMA, parse(text));
    expect(errors, errors.join('\n')).toEqual([]);
  });

  it('runs briefly (every strategy, 1 replication, ≤ 20 days, market ≤ 20,000) to finite series', () => {
    const small = shrink(load(file));
    expect(small.days).toBeLessThanOrEqual(MAX_DAYS);
    for (const st of small.strategies) expect(st.params.market.size).toBeLessThanOrEqual(MAX_MARKET);
    const results = runScenario(small);
    expect(results.map((r) => r.strategy)).toEqual(small.strategies.map((s) => s.name));
    for (const r of results) {
      const size = small.strategies.find((s) => s.name === r.strategy)!.params.market.size;
      expect(r.days).toBe(small.days);
      for (const k of METRIC_KEYS) {
        const series = r.series[k];
        const ratio = METRIC_BY_KEY[k].ratio;
        expect(series, `${r.strategy}.${k}`).toHaveLength(small.days + 1);
        // A ratio metric is undefined (NaN) exactly on days its denominator is 0.
        const bad = Array.from(series).findIndex((v, d) => (ratio && r.series[ratio.den][d] === 0 ? !Number.isNaN(v) : !Number.isFinite(v)));
        expect(bad, `${r.strategy}.${k} is not finite on day ${bad}: ${series[bad]}`).toBe(-1);
      }
      for (let d = 0; d <= small.days; d++) expect(r.series.prospects[d] + r.series.customers[d] + r.series.churned[d] + r.series.rivalCustomers[d], `${r.strategy}: people on day ${d}`).toBe(size);
      expect(r.series.customers[small.days], `${r.strategy}: customers at the end`).toBeGreaterThan(0);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// A tiny JSON Schema validator, for exactly the keywords cxsim's generated schema uses (ajv is not
// installed and no dependency may be added). An unsupported keyword throws, so a schema change
// cannot silently make validation weaker.

type Schema = { [k: string]: unknown };
const ANNOTATIONS = new Set(['$schema', 'title', 'description', 'default']);
const KEYWORDS = new Set(['type', 'properties', 'additionalProperties', 'required', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'enum', 'const', 'anyOf', 'propertyNames']);

function typeOk(type: string, v: unknown): boolean {
  switch (type) {
    case 'object':
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    case 'array':
      return Array.isArray(v);
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return Number.isInteger(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'null':
      return v === null;
    default:
      throw new Error(`unsupported JSON Schema type ${type}`);
  }
}

/** Every violation of `schema` by `v`, as "path: what". */
function validate(schema: Schema, v: unknown, path = '$'): string[] {
  for (const k of Object.keys(schema)) if (!ANNOTATIONS.has(k) && !KEYWORDS.has(k)) throw new Error(`unsupported JSON Schema keyword ${k} at ${path}`);
  const errors: string[] = [];
  const fail = (msg: string) => errors.push(`${path}: ${msg}`);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => typeOk(t, v))) return [`${path}: expected ${types.join(' or ')}, got ${JSON.stringify(v)}`];
  }
  if ('const' in schema && v !== schema.const) fail(`expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(v)) fail(`expected one of ${JSON.stringify(schema.enum)}, got ${JSON.stringify(v)}`);
  if (Array.isArray(schema.anyOf) && !(schema.anyOf as Schema[]).some((s) => validate(s, v, path).length === 0)) fail(`matches none of anyOf, got ${JSON.stringify(v)}`);
  if (typeof v === 'number') {
    if (typeof schema.minimum === 'number' && v < schema.minimum) fail(`below minimum ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && v > schema.maximum) fail(`above maximum ${schema.maximum}`);
    if (typeof schema.exclusiveMinimum === 'number' && v <= schema.exclusiveMinimum) fail(`not above ${schema.exclusiveMinimum}`);
  }
  if (typeof v === 'string') {
    if (typeof schema.minLength === 'number' && v.length < schema.minLength) fail(`shorter than ${schema.minLength}`);
    if (typeof schema.maxLength === 'number' && v.length > schema.maxLength) fail(`longer than ${schema.maxLength}`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(v)) fail(`does not match ${schema.pattern}`);
  }
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const obj = v as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const r of (schema.required ?? []) as string[]) if (!(r in obj)) fail(`missing required ${r}`);
    for (const [k, val] of Object.entries(obj)) {
      if (schema.propertyNames) errors.push(...validate(schema.propertyNames as Schema, k, `${path}[key ${JSON.stringify(k)}]`));
      if (Object.hasOwn(props, k)) errors.push(...validate(props[k], val, `${path}.${k}`));
      else if (schema.additionalProperties === false) errors.push(`${path}.${k}: unknown key`);
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') errors.push(...validate(schema.additionalProperties as Schema, val, `${path}.${k}`));
    }
  }
  return errors;
}

describe('the test JSON Schema validator', () => {
  const base = () => parse(readFileSync(join(DIR, 'default.yaml'), 'utf8')) as Record<string, any>;

  it('rejects what the schema forbids: unknown keys at the top, in sections and in strategies, wrong types, ranges, enums, names', () => {
    const cases: [string, (s: Record<string, any>) => void, string][] = [
      ['top-level typo', (s) => (s.dayz = 3), '$.dayz: unknown key'],
      ['section typo', (s) => (s.journey = { procesQuality: 0.9 }), '$.journey.procesQuality: unknown key'],
      ['strategy typo', (s) => (s.strategies.basics.journey.procesQuality = 0.9), '$.strategies.basics.journey.procesQuality: unknown key'],
      ['wrong type', (s) => (s.days = 'many'), '$.days: expected integer'],
      ['not whole', (s) => (s.replications = 2.5), '$.replications: expected integer'],
      ['out of range', (s) => (s.strategies.basics.journey.processQuality = 1.5), '$.strategies.basics.journey.processQuality: above maximum 1'],
      ['bad enum', (s) => (s.wom = { network: { type: 'ring' } }), '$.wom.network.type: expected one of'],
      ['anyOf', (s) => (s.wom = { fanoutPositive: 'some' }), '$.wom.fanoutPositive: matches none of anyOf'],
      ['bad strategy name', (s) => (s.strategies['9lives'] = {}), '$.strategies[key "9lives"]: does not match'],
      ['long strategy name', (s) => (s.strategies['s'.repeat(65)] = {}), `$.strategies[key "${'s'.repeat(65)}"]: does not match`],
      ['control character in a label', (s) => (s.strategies.basics.label = 'a\u001bb'), '$.strategies.basics.label: does not match'],
      ['long label', (s) => (s.strategies.basics.label = 'L'.repeat(201)), '$.strategies.basics.label: longer than 200'],
      ['missing name', (s) => delete s.name, '$: missing required name'],
      ['exclusive minimum', (s) => (s.acquisition.costPerCustomer = 0), '$.acquisition.costPerCustomer: not above 0'],
    ];
    for (const [what, mutate, expected] of cases) {
      const s = base();
      mutate(s);
      const errors = validate(JSON_SCHEMA, s);
      expect(errors.some((e) => e.startsWith(expected)), `${what}: ${JSON.stringify(errors)}`).toBe(true);
    }
  });

  it('throws on a keyword it does not implement instead of ignoring it', () => {
    expect(() => validate({ type: 'object', oneOf: [] }, {})).toThrow(/unsupported JSON Schema keyword oneOf/);
  });
});
