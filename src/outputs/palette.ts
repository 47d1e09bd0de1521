/** Strategy colours and display labels shared by every chart, so a strategy looks the same everywhere. */
import type { Scenario } from '../scenario/schema.js';

/** Neutral dark grey for the baseline: it is the reference, not a contender. */
export const BASELINE_COLOUR = '#4d4d4d';

/**
 * Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), ordered so the
 * first strategies get the strongest contrast on white; yellow comes last because it is faint.
 */
export const STRATEGY_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#d55e00', '#cc79a7', '#56b4e9', '#f0e442'] as const;

export interface ColourScale {
  domain: string[];
  range: string[];
}

/**
 * Explicit Vega-Lite colour scale: baseline (first name) grey, the others Okabe–Ito by position.
 * Past eight strategies the colours repeat; such charts need the legend or the y axis to tell them apart.
 */
export function strategyColours(names: string[]): ColourScale {
  const range = names.map((_, i) => (i === 0 ? BASELINE_COLOUR : STRATEGY_COLOURS[(i - 1) % STRATEGY_COLOURS.length]));
  return { domain: [...names], range };
}

/**
 * Chart labels in strategy order (baseline first). Labels double as the colour domain, so a
 * repeated label gets its strategy key appended to keep the domain one-to-one.
 */
export function strategyLabels(scenario: Scenario): string[] {
  const count = new Map<string, number>();
  for (const s of scenario.strategies) count.set(s.label, (count.get(s.label) ?? 0) + 1);
  return scenario.strategies.map((s) => ((count.get(s.label) ?? 0) > 1 ? `${s.label} (${s.name})` : s.label));
}

/** Strategy name → chart label. */
export function labelByName(scenario: Scenario): Map<string, string> {
  const labels = strategyLabels(scenario);
  return new Map(scenario.strategies.map((s, i) => [s.name, labels[i]]));
}
