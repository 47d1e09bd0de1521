/** Strategy colours: baseline grey, colour-blind-safe colours by order, unique labels. */
import { describe, expect, it } from 'vitest';
import { BASELINE_COLOUR, STRATEGY_COLOURS, strategyColours, strategyLabels } from '../../src/outputs/palette.js';
import { makeScenario } from './fixtures.js';

describe('strategyColours', () => {
  it('gives the baseline grey and the others Okabe–Ito colours in order', () => {
    const { domain, range } = strategyColours(['base', 'a', 'b']);
    expect(domain).toEqual(['base', 'a', 'b']);
    expect(range).toEqual([BASELINE_COLOUR, STRATEGY_COLOURS[0], STRATEGY_COLOURS[1]]);
  });
  it('keeps eight strategies distinct, and a colour depends only on the position', () => {
    const names = Array.from({ length: 8 }, (_, i) => `s${i}`);
    expect(new Set(strategyColours(names).range).size).toBe(8);
    expect(strategyColours(names).range.slice(0, 3)).toEqual(strategyColours(names.slice(0, 3)).range);
  });
});

describe('strategyLabels', () => {
  it('uses labels in strategy order and disambiguates repeats with the key', () => {
    const scenario = makeScenario();
    expect(strategyLabels(scenario)).toEqual(['Baseline', 'Service recovery', 'Symbols of extremism']);
    scenario.strategies[2].label = 'Service recovery';
    expect(strategyLabels(scenario)).toEqual(['Baseline', 'Service recovery (recovery)', 'Service recovery (symbols)']);
  });
});
