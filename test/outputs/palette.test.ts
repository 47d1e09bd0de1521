/** Strategy colours: baseline grey, every strategy its own colour in every bundled scenario, unique labels, units with currency. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASELINE_COLOUR, colourByName, currencyOf, displayUnit, STRATEGY_COLOURS, strategyColour, strategyColours, strategyLabels } from '../../src/outputs/palette.js';
import { loadScenario } from '../../src/scenario/load.js';
import { makeScenario } from './fixtures.js';

/** CIELAB of an sRGB hex colour (D65), for perceptual distances. */
function lab(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047), y = f(r * 0.2126 + g * 0.7152 + b * 0.0722), z = f((r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
const deltaE = (a: string, b: string) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]));

describe('strategyColours', () => {
  it('gives the baseline grey and the others the fixed colours in order', () => {
    const { domain, range } = strategyColours(['base', 'a', 'b']);
    expect(domain).toEqual(['base', 'a', 'b']);
    expect(range).toEqual([BASELINE_COLOUR, STRATEGY_COLOURS[0], STRATEGY_COLOURS[1]]);
  });

  it('keeps the twelve fixed colours at least 25 ΔE apart, from each other and from the baseline grey', () => {
    const all = [BASELINE_COLOUR, ...STRATEGY_COLOURS];
    for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(deltaE(all[i], all[j]), `${all[i]} vs ${all[j]}`).toBeGreaterThanOrEqual(25);
  });

  it('gives every strategy its own colour for any number of strategies, and a colour depends only on the position', () => {
    for (const n of [2, 8, 12, 13, 40, 100]) {
      const names = Array.from({ length: n }, (_, i) => `s${i}`);
      const { range } = strategyColours(names);
      expect(new Set(range).size, `${n} strategies`).toBe(n);
      for (const c of range) expect(c).toMatch(/^#[0-9a-f]{6}$/);
      expect(range.slice(0, 3)).toEqual(strategyColours(names.slice(0, 3)).range);
    }
    expect(deltaE(strategyColour(12), '#ffffff')).toBeGreaterThan(20); // generated colours stay visible on white
  });

  it('no two strategies of any bundled scenario share a colour', () => {
    const dir = 'scenarios';
    const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const f of files) {
      const scenario = loadScenario(join(dir, f));
      const colours = [...colourByName(scenario).values()];
      expect(colours.length, f).toBe(scenario.strategies.length);
      expect(new Set(colours).size, `${f}: ${colours.join(' ')}`).toBe(colours.length);
      expect(colours[0]).toBe(BASELINE_COLOUR);
    }
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

describe('units', () => {
  it('write money in the scenario currency, "€" by default', () => {
    expect(displayUnit('money', 'CHF')).toBe('CHF');
    expect(displayUnit('money/customer', '$')).toBe('$ per customer');
    expect(displayUnit('points', '$')).toBe('points');
    expect(currencyOf(makeScenario())).toBe('€');
    expect(currencyOf(loadScenario('scenarios/default.yaml'))).toBe('€');
  });
});
