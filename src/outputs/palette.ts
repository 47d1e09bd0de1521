/**
 * Strategy colours, display labels and units shared by every chart, the report and the studio,
 * so a strategy looks the same everywhere and money carries the scenario's currency.
 */
import type { Scenario } from '../scenario/schema.js';
import { chartText } from '../scenario/text.js';

/** Neutral dark grey for the baseline: it is the reference, not a contender. */
export const BASELINE_COLOUR = '#4d4d4d';
/** Light grey for strategies shown as context behind the one a panel is about. */
export const CONTEXT_COLOUR = '#c8c8c8';

/**
 * Twelve colours that stay apart on white and from the baseline grey (every pair at least 25
 * CIELAB ΔE apart, tested): Okabe–Ito's first six (safe for the common colour-vision deficiencies)
 * lead, then six strong extra hues. Yellow is left out: it vanishes on a projector.
 */
export const STRATEGY_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#d55e00', '#cc79a7', '#56b4e9', '#7b3294', '#8c564b', '#bcbd22', '#17becf', '#e7298a', '#1a1a80'] as const;

/**
 * The colour of the i-th strategy after the baseline (0-based). Past the twelve fixed colours,
 * hues step by the golden angle with alternating lightness, so every strategy still gets a
 * colour of its own (charts with that many strategies draw small multiples, not one crowded panel).
 */
export function strategyColour(i: number): string {
  if (i < STRATEGY_COLOURS.length) return STRATEGY_COLOURS[i];
  const k = i - STRATEGY_COLOURS.length;
  const hue = (k * 137.508 + 15) % 360;
  const lightness = [0.38, 0.55, 0.46][k % 3];
  return hslHex(hue, 0.75, lightness);
}

function hslHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number) => {
    const k = (n + h / 30) % 12;
    const v = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(v * 255).toString(16).padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

export interface ColourScale {
  domain: string[];
  range: string[];
}

/** Explicit Vega-Lite colour scale: baseline (first name) grey, the others by position. */
export function strategyColours(names: readonly string[]): ColourScale {
  return { domain: [...names], range: names.map((_, i) => (i === 0 ? BASELINE_COLOUR : strategyColour(i - 1))) };
}

/**
 * Chart labels in strategy order (baseline first). Labels double as the colour domain, so a
 * repeated label gets its strategy key appended to keep the domain one-to-one. Characters the
 * schema forbids (a scenario built in code may hold them) become U+FFFD: SVG is XML, which
 * cannot hold most control characters.
 */
export function strategyLabels(scenario: Scenario): string[] {
  const shown = scenario.strategies.map((s) => chartText(s.label));
  const count = new Map<string, number>();
  for (const l of shown) count.set(l, (count.get(l) ?? 0) + 1);
  return scenario.strategies.map((s, i) => ((count.get(shown[i]) ?? 0) > 1 ? `${shown[i]} (${chartText(s.name)})` : shown[i]));
}

/** Strategy name → chart label. */
export function labelByName(scenario: Scenario): Map<string, string> {
  const labels = strategyLabels(scenario);
  return new Map(scenario.strategies.map((s, i) => [s.name, labels[i]]));
}

/** Strategy name → colour, the same as in every chart. */
export function colourByName(scenario: Scenario): Map<string, string> {
  const { range } = strategyColours(strategyLabels(scenario));
  return new Map(scenario.strategies.map((s, i) => [s.name, range[i]]));
}

/** The scenario's currency (economics.currency of the baseline), "€" when absent. */
export function currencyOf(scenario: Scenario): string {
  // The currency goes into titles, which Vega-Lite writes into expressions (tooltips, descriptions): made plain like labels.
  return chartText((scenario.strategies[0]?.params?.economics as { currency?: string } | undefined)?.currency ?? '€');
}

/** A catalogue unit for people: "money" becomes the currency, "money/customer" "€ per customer". */
export function displayUnit(unit: string, currency: string): string {
  if (unit === 'money') return currency;
  if (unit.startsWith('money/')) return `${currency} per ${unit.slice('money/'.length)}`;
  return unit;
}
