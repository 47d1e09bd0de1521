/** toScenarioFile is the inverse of normalize: a manifest's scenario re-runs exactly the scenario that was run. */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { normalize, toScenarioFile } from '../../src/scenario/normalize.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { scenarioSchema, type Scenario } from '../../src/scenario/schema.js';
import { lines } from './helpers.js';

const opt = <T extends Record<string, fc.Arbitrary<unknown>>>(fields: T) => fc.record(fields, { requiredKeys: [] });
const unit = fc.double({ min: 0, max: 1, noNaN: true }).map((x) => (x === 0 ? 0 : x)); // -0 is not worth a false alarm
const name = fc.stringMatching(/^[A-Za-z][\w-]{0,8}$/);

/** Parameter overrides that are valid on their own and over the defaults. */
const overrides = opt({
  market: fc.record({ size: fc.integer({ min: 50, max: 1_000_000 }), initialCustomers: fc.integer({ min: 0, max: 50 }) }),
  journey: opt({
    processQuality: unit,
    aggregation: fc.constantFrom('multiplicative', 'additive', 'weakestLink'),
    delightImpact: fc.double({ min: 1, max: 2, noNaN: true }),
    touchpoints: fc.dictionary(name, fc.record({ failureWeight: fc.double({ min: 0, max: 5, noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x)) }), { minKeys: 1, maxKeys: 5 }),
  }),
  wom: opt({ fanoutPositive: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constant('all')), network: opt({ type: fc.constantFrom('fullyMixed', 'barabasiAlbert'), meanDegree: fc.integer({ min: 1, max: 20 }).map((k) => 2 * k) }) }),
  economics: opt({ pricePremium: unit, marginPerCustomerPerYear: fc.integer({ min: 0, max: 5000 }) }),
});

const scenarioText = fc.record({
  name: fc.string({ minLength: 1, maxLength: 20 }),
  description: fc.string({ maxLength: 30 }),
  seed: fc.maxSafeNat(),
  days: fc.integer({ min: 1, max: 5000 }),
  replications: fc.integer({ min: 1, max: 100 }),
  baselineLabel: fc.string({ maxLength: 10 }),
  baseline: overrides,
  strategies: fc.uniqueArray(fc.tuple(name.filter((n) => n !== 'baseline'), fc.option(fc.string({ maxLength: 10 }), { nil: undefined }), overrides), { selector: (t) => t[0], maxLength: 4 }),
});

/** A resolved scenario built the way a user would write it. */
const scenarios: fc.Arbitrary<Scenario> = scenarioText.map(({ baseline, strategies, ...top }) =>
  normalize(scenarioSchema.parse({ ...top, ...baseline, strategies: Object.fromEntries(strategies.map(([n, label, o]) => [n, { ...(label === undefined ? {} : { label }), ...o }])) })),
);

const roundTrip = (s: Scenario) => normalize(scenarioSchema.parse(toScenarioFile(s)));

describe('toScenarioFile', () => {
  it('normalize(parse(toScenarioFile(s))) equals s', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        expect(roundTrip(s)).toEqual(s);
      }),
      { numRuns: 150 },
    );
  });

  it('survives YAML and JSON text, inside a manifest', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const file = toScenarioFile(s);
        expect(parseScenarioText(stringify({ cxsimManifest: 1, scenario: file }), 'manifest.yaml')).toEqual(s);
        expect(parseScenarioText(JSON.stringify(file), 'scenario.json')).toEqual(s);
      }),
      { numRuns: 60 },
    );
  });

  it('spells out every default, and each strategy in full', () => {
    const s = parseScenarioText(lines('name: x', 'strategies:', '  baseline: {description: today}', '  cheap:', '    label: Cheap', '    economics: {pricePremium: 0}'), 'x.yaml');
    const file = toScenarioFile(s) as Record<string, any>;
    expect(file).toMatchObject({ name: 'x', description: '', seed: 1, days: 365, replications: 5, baselineLabel: 'Baseline' });
    expect(file.journey).toEqual(s.strategies[0].params.journey);
    expect(file.strategies.baseline).toEqual({ description: 'today' });
    expect(file.strategies.cheap).toEqual({ label: 'Cheap', description: '', ...s.strategies[1].params });
    expect(roundTrip(s)).toEqual(s);
  });

  it('keeps strategies that add segments and touchpoints', () => {
    const s = parseScenarioText(
      lines('name: x', 'strategies:', '  vip:', '    market:', '      segments:', '        price: {share: 0.25}', '        vip: {share: 0.1, marginMultiplier: 3}', '    journey:', '      touchpoints: {onboard: {failureWeight: 2}}'),
      'x.yaml',
    );
    expect(Object.keys(s.strategies[1].params.market.segments)).toEqual(['price', 'convenience', 'relationship', 'vip']);
    expect(Object.keys(s.strategies[1].params.journey.touchpoints)).toEqual(['buy', 'deliver', 'use', 'bill', 'onboard']);
    expect(roundTrip(s)).toEqual(s);
  });

  it('refuses a scenario whose first strategy is not the baseline', () => {
    const s = parseScenarioText('name: x\n', 'x.yaml');
    expect(() => toScenarioFile({ ...s, strategies: [{ ...s.strategies[0], name: 'other' }] })).toThrow(/first strategy must be "baseline"/);
  });
});
