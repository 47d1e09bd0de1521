/** Bad scenario files: each problem must come with its line, column, path and a message a strategist understands. */
import { describe, expect, it } from 'vitest';
import { FILE, lines, onlyProblem, problemsOf } from './helpers.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { parseScenarioText } from '../../src/scenario/load.js';

describe('unknown keys', () => {
  it('top level, with a suggestion', () => {
    const p = onlyProblem(lines('name: x', 'dayz: 30'));
    expect(p).toMatchObject({ file: FILE, line: 2, column: 1, path: 'dayz', message: 'unknown key', suggestion: 'days' });
  });

  it('nested, pointing at the key', () => {
    const p = onlyProblem(lines('name: x', 'journey:', '  processQuality: 0.9', '  procesQuality: 0.9'));
    expect(p).toMatchObject({ line: 4, column: 3, path: 'journey.procesQuality', message: 'unknown key', suggestion: 'processQuality' });
  });

  it('inside a strategy override', () => {
    const p = onlyProblem(lines('name: x', 'strategies:', '  better:', '    label: Better process', '    journey:', '      processQuality: 0.995', '      frustrationRat: 0.04'));
    expect(p).toMatchObject({ line: 7, column: 7, path: 'strategies.better.journey.frustrationRat', suggestion: 'frustrationRate' });
    expect(p.message).toMatch(/strategy `better`.*merged over the baseline.*unknown key/);
  });

  it('lists the allowed keys when nothing is close', () => {
    const p = onlyProblem(lines('name: x', 'churn:', '  zzzzzz: 1'));
    expect(p).toMatchObject({ line: 3, column: 3, path: 'churn.zzzzzz' });
    expect(p.suggestion).toBeUndefined();
    expect(p.message).toBe('unknown key; expected one of annualBaseRate, satisfactionSensitivity, trustSensitivity');
  });

  it('a scenario-wide setting inside a strategy', () => {
    const p = onlyProblem(lines('name: x', 'strategies:', '  short:', '    days: 30'));
    expect(p).toMatchObject({ line: 4, column: 5, path: 'strategies.short.days' });
    expect(p.message).toMatch(/`days` is a scenario-wide setting.*top level/);
  });
});

describe('wrong values', () => {
  it('text where a number is expected', () => {
    const p = onlyProblem(lines('name: x', 'journey:', '  episodesPerYear: ten'));
    expect(p).toMatchObject({ line: 3, column: 20, path: 'journey.episodesPerYear', message: 'expected a number ≥ 0, got "ten"' });
  });

  it('a number written as text gets the number as suggestion', () => {
    const p = onlyProblem(lines('name: x', 'market:', '  size: "10_000"'));
    expect(p).toMatchObject({ line: 3, column: 9, path: 'market.size', message: 'expected a whole number ≥ 1, got "10_000"', suggestion: '10000' });
  });

  it('a probability above 1', () => {
    const p = onlyProblem(lines('name: x', 'journey:', '  processQuality: 1.4'));
    expect(p).toMatchObject({ line: 3, column: 19, path: 'journey.processQuality', message: 'expected a number between 0 and 1, got 1.4' });
  });

  it('a negative rate', () => {
    const p = onlyProblem(lines('name: x', 'churn:', '  annualBaseRate: -0.1'));
    expect(p).toMatchObject({ line: 3, column: 19, path: 'churn.annualBaseRate', message: 'expected a number between 0 and 1, got -0.1' });
  });

  it('a negative size', () => {
    const p = onlyProblem(lines('name: x', 'market:', '  size: -5'));
    expect(p).toMatchObject({ line: 3, column: 9, path: 'market.size', message: 'expected a whole number ≥ 1, got -5' });
  });

  it('a fraction where a whole number is expected', () => {
    const p = onlyProblem(lines('name: x', 'replications: 2.5'));
    expect(p).toMatchObject({ line: 2, column: 15, path: 'replications', message: 'expected a whole number ≥ 1, got 2.5' });
  });

  it('an invalid choice lists the allowed values', () => {
    const p = onlyProblem(lines('name: x', 'journey:', '  aggregation: product'));
    expect(p).toMatchObject({ line: 3, column: 16, path: 'journey.aggregation', message: 'expected one of multiplicative, additive or weakestLink, got "product"' });
    expect(p.suggestion).toBeUndefined();
  });

  it('a misspelt choice gets a suggestion', () => {
    const p = onlyProblem(lines('name: x', 'wom:', '  network:', '    type: wattsStrogaz'));
    expect(p).toMatchObject({ line: 4, column: 11, path: 'wom.network.type', suggestion: 'wattsStrogatz' });
  });

  it('a number-or-"all" field', () => {
    const p = onlyProblem(lines('name: x', 'wom:', '  fanoutNegative: everyone'));
    expect(p).toMatchObject({ line: 3, column: 19, path: 'wom.fanoutNegative', message: 'expected a whole number ≥ 1 or "all", got "everyone"' });
  });

  it('an invalid strategy name', () => {
    const p = onlyProblem(lines('name: x', 'strategies:', '  "my plan":', '    label: Mine'));
    expect(p).toMatchObject({ line: 3, column: 3, path: 'strategies.my plan' });
    expect(p.message).toMatch(/invalid name "my plan".*letters, digits, - and _/);
  });

  it('a missing required name', () => {
    const p = onlyProblem(lines('days: 30'));
    expect(p).toMatchObject({ line: 1, column: 1, path: 'name' });
    expect(p.message).toMatch(/required but missing; expected a non-empty text/);
  });
});

describe('rules across fields', () => {
  it('a market smaller than the initial customers', () => {
    const p = onlyProblem(lines('name: x', 'market:', '  size: 10000', '  initialCustomers: 20000'));
    expect(p).toMatchObject({ line: 4, column: 21, path: 'market.initialCustomers' });
    expect(p.message).toMatch(/^initialCustomers \(20000\) exceeds market.size \(10000\)/);
  });

  it('segment shares that do not sum to 1', () => {
    const p = onlyProblem(lines('name: x', 'market:', '  segments:', '    price: {share: 0.5}', '    premium: {share: 0.3}'));
    expect(p).toMatchObject({ line: 3, column: 3, path: 'market.segments', message: 'segment shares sum to 0.8, expected 1' });
  });

  it('a severity mix that does not sum to 1', () => {
    const p = onlyProblem(lines('name: x', 'journey:', '  severityMix:', '    minor: 0.6', '    moneyLost: 0.2', '    mistreatment: 0.1'));
    expect(p).toMatchObject({ line: 3, column: 3, path: 'journey.severityMix', message: 'severity shares sum to 0.9, expected 1' });
  });

  it('an odd meanDegree for a graph network', () => {
    const p = onlyProblem(lines('name: x', 'wom:', '  network:', '    type: barabasiAlbert', '    meanDegree: 7'));
    expect(p).toMatchObject({ line: 5, column: 17, path: 'wom.network.meanDegree' });
    expect(p.message).toMatch(/meanDegree must be even for barabasiAlbert.*got 7/);
  });

  it('complaint channels above 1', () => {
    const p = onlyProblem(lines('name: x', 'complaints:', '  minor: {frontLine: 0.8, headquarters: 0.4}'));
    expect(p).toMatchObject({ line: 3, column: 3, path: 'complaints.minor', message: 'frontLine + headquarters = 1.2 exceeds 1' });
  });

  it('a strategy breaking a rule with a baseline value is reported where the strategy wrote its change', () => {
    const p = onlyProblem(lines('name: x', 'strategies:', '  small:', '    market:', '      size: 1000'));
    expect(p).toMatchObject({ line: 4, column: 5, path: 'strategies.small.market' });
    expect(p.message).toMatch(/strategy `small`.*merged over the baseline.*market\.initialCustomers: initialCustomers \(2000\) exceeds market\.size \(1000\)/);
  });

  it('a strategy that overrides the baseline', () => {
    const p = onlyProblem(lines('name: x', 'strategies:', '  baseline:', '    label: Today', '    market:', '      size: 5000'));
    expect(p).toMatchObject({ line: 5, column: 5, path: 'strategies.baseline.market' });
    expect(p.message).toMatch(/the baseline is defined by the top-level sections/);
  });
});

describe('YAML problems', () => {
  it('a syntax error with its position', () => {
    const p = onlyProblem(lines('name: x', 'journey:', '  processQuality: 0.9', '  delightRate: [0.1', 'days: 3'));
    expect(p).toMatchObject({ line: 5, column: 1, path: '' });
    expect(p.message).toMatch(/^YAML syntax error: flow sequence/);
  });

  it('an unclosed quote', () => {
    const p = onlyProblem(lines('name: "x', 'days: 3'));
    expect(p.message).toMatch(/YAML syntax error: missing closing "quote/);
  });

  it('tabs as indentation', () => {
    const p = onlyProblem(lines('name: x', 'journey:', '\tprocessQuality: 0.9'));
    expect(p).toMatchObject({ line: 3, column: 1, message: expect.stringMatching(/tabs are not allowed/) });
  });

  it('a duplicate key, naming the first occurrence', () => {
    const p = onlyProblem(lines('name: x', 'days: 30', 'days: 60'));
    expect(p).toMatchObject({ line: 3, column: 1, path: 'days', message: expect.stringMatching(/^duplicate key `days` \(first set on line 2\)/) });
  });

  it('an alias to an undefined anchor', () => {
    const p = onlyProblem(lines('name: x', 'market: *shared'));
    expect(p).toMatchObject({ line: 2, column: 9, message: expect.stringMatching(/Unresolved alias/) });
  });

  it('an empty file', () => {
    expect(onlyProblem('')).toMatchObject({ line: 1, column: 1, message: expect.stringMatching(/empty/) });
  });

  it('a list instead of a scenario', () => {
    expect(onlyProblem('- a\n- b\n')).toMatchObject({ line: 1, column: 1, path: '', message: 'expected a section of `key: value` settings, got a list (2 items)' });
  });
});

describe('several problems at once', () => {
  const text = lines(
    'name: Several', //             1
    'dayz: 30', //                   2 unknown key
    'days: 60', //                   3
    'days: 90', //                   4 duplicate
    'journey:', //                   5
    '  procesQuality: 0.9', //       6 unknown nested key
    'market:', //                    7
    '  size: -5', //                 8 negative
    'strategies:', //                9
    '  premium:', //                10
    '    economics:', //            11
    '      pricePremium: 2', //     12 above 1
  );

  it('reports YAML, schema and strategy problems in one error, in file order', () => {
    const ps = problemsOf(text, { replications: 0 });
    expect(ps.map((p) => [p.line, p.column, p.path])).toEqual([
      [4, 1, 'days'],
      [2, 1, 'dayz'],
      [6, 3, 'journey.procesQuality'],
      [8, 9, 'market.size'],
      [12, 21, 'strategies.premium.economics.pricePremium'],
      [0, 0, '--replications'],
    ]);
  });

  it('cross-field rules are checked alongside problems in other settings and in strategies', () => {
    const ps = problemsOf(lines('name: x', 'days: 0', 'wom:', '  network: {meanDegree: 7}', 'strategies:', '  s:', '    journey: {delightImpact: 3}'));
    expect(ps.map((p) => [p.line, p.column, p.path])).toEqual([
      [2, 7, 'days'],
      [4, 25, 'wom.network.meanDegree'],
      [7, 30, 'strategies.s.journey.delightImpact'],
    ]);
    expect(ps[2].message).toMatch(/expected a number between 1 and 2, got 3$/);
  });

  it('formats them as a list with aligned locations', () => {
    let error: unknown;
    try {
      parseScenarioText(lines('name: x', 'journey:', '  procesQuality: 0.9', 'market:', '  size: -5'), 'scenarios/typo.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).format()).toBe(
      [
        'scenarios/typo.yaml: 2 problems',
        '  scenarios/typo.yaml:3:3 journey.procesQuality: unknown key; did you mean `processQuality`?',
        '  scenarios/typo.yaml:5:9 market.size: expected a whole number ≥ 1, got -5',
      ].join('\n'),
    );
  });
});
