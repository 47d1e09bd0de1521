/** Chart: parameters ranked by their influence on one metric — Morris μ* beside σ, or Sobol first-order beside total indices with 95 % intervals. */
import type { MorrisResult } from '../../experiments/morris.js';
import type { MetricDef, ParamRange } from '../../experiments/objective.js';
import type { SobolResult } from '../../experiments/sobol.js';
import type { Scenario } from '../../scenario/schema.js';
import { roundForChart } from '../format.js';
import { currencyOf, displayUnit, STRATEGY_COLOURS } from '../palette.js';
import { header, WIDTH, type Layer, type VlSpec } from './common.js';

export const title = 'Sensitivity';

type Metric = Pick<MetricDef, 'key' | 'label' | 'unit'>;

interface Bar {
  parameter: string;
  /** 1 = most influential: the axis sorts by it (a field, not a list of labels inside an expression). */
  rank: number;
  measure: string;
  value: number | null;
  lo?: number | null;
  hi?: number | null;
}

/** `journey.processQuality (0.9–0.999)`: the path with the range it was varied over. */
export const parameterLabel = (r: ParamRange): string => `${r.path} (${r.min}–${r.max})`;

/**
 * Grouped horizontal bars, most influential parameter on top (`order` gives the ranking). Two
 * measures per parameter, told apart by colour and offset; intervals as black rules when given.
 */
function bars(scenario: Scenario, heading: string, subtitle: string[], rows: Bar[], measures: [string, string], xTitle: string): VlSpec {
  const y = { field: 'parameter', type: 'nominal' as const, title: null, sort: { field: 'rank', op: 'min' as const }, axis: { labelLimit: 320 } };
  const yOffset = { field: 'measure', type: 'nominal' as const, sort: measures };
  const x = { field: 'value', type: 'quantitative' as const, title: xTitle, scale: { zero: true } };
  const colour = { field: 'measure', type: 'nominal' as const, title: null, sort: measures, scale: { domain: measures, range: [STRATEGY_COLOURS[0], STRATEGY_COLOURS[1]] }, legend: { orient: 'bottom' as const, direction: 'horizontal' as const } };
  const tooltip = [{ field: 'parameter' }, { field: 'measure' }, { field: 'value', type: 'quantitative' as const, format: ',.4~r' }, ...(rows.some((r) => r.lo !== undefined) ? [{ field: 'lo', type: 'quantitative' as const, title: 'lo95', format: ',.4~r' }, { field: 'hi', type: 'quantitative' as const, title: 'hi95', format: ',.4~r' }] : [])];
  const bar: Layer = { mark: { type: 'bar' }, encoding: { y, yOffset, x, color: colour, tooltip } };
  const interval: Layer = { mark: { type: 'rule', color: '#222', strokeWidth: 1.5 }, encoding: { y, yOffset, x: { field: 'lo', type: 'quantitative', title: xTitle }, x2: { field: 'hi' } } };
  return {
    ...header(scenario, heading, subtitle),
    width: WIDTH,
    height: { step: 18 },
    data: { values: rows },
    layer: rows.some((r) => r.lo !== undefined) ? [bar, interval] : [bar],
  };
}

const MORRIS_MEASURES: [string, string] = ['μ* (mean |effect|)', 'σ (spread of effects)'];
const SOBOL_MEASURES: [string, string] = ['first-order S', 'total ST'];

/** Morris: μ* ranks the parameters; a large σ beside it means non-linear effects or interactions. */
export function morrisTornado(scenario: Scenario, metric: Metric, ranges: readonly ParamRange[], r: MorrisResult, subtitle: string[]): VlSpec {
  const labels = ranges.map(parameterLabel);
  // Ties in μ* share a rank: the parameter's position breaks them, as the old label order did.
  const rank = positions(labels.map((_, i) => i).sort((a, b) => r.ranks[a] - r.ranks[b] || a - b));
  const rows: Bar[] = r.indices.flatMap((s, i) => [
    { parameter: labels[i], rank: rank[i], measure: MORRIS_MEASURES[0], value: roundForChart(s.muStar) },
    { parameter: labels[i], rank: rank[i], measure: MORRIS_MEASURES[1], value: roundForChart(s.sigma) },
  ]);
  const xTitle = `Effect on ${metric.label} of moving the parameter across its range (${displayUnit(metric.unit, currencyOf(scenario))})`;
  return bars(scenario, `${title}: ${metric.label}`, [...subtitle, 'Morris elementary effects; bars ranked by μ*; σ large next to μ* = non-linear or interacting'], rows, MORRIS_MEASURES, xTitle);
}

/** Sobol: the share of the metric's variance each parameter explains alone (S) and with its interactions (ST). */
export function sobolTornado(scenario: Scenario, metric: Metric, ranges: readonly ParamRange[], r: SobolResult, subtitle: string[]): VlSpec {
  const labels = ranges.map(parameterLabel);
  const rank = positions(labels.map((_, i) => i).sort((a, b) => r.indices[b].total - r.indices[a].total || a - b));
  const rows: Bar[] = r.indices.flatMap((s, i) => [
    { parameter: labels[i], rank: rank[i], measure: SOBOL_MEASURES[0], value: roundForChart(s.first), lo: roundForChart(s.firstLo), hi: roundForChart(s.firstHi) },
    { parameter: labels[i], rank: rank[i], measure: SOBOL_MEASURES[1], value: roundForChart(s.total), lo: roundForChart(s.totalLo), hi: roundForChart(s.totalHi) },
  ]);
  const xTitle = `Share of the variance of ${metric.label} (0–1)`;
  return bars(scenario, `${title}: ${metric.label}`, [...subtitle, 'Sobol indices (Saltelli 2010 first-order, Jansen total); lines = 95% bootstrap intervals'], rows, SOBOL_MEASURES, xTitle);
}

/** positions(order)[i] = 1 + where i stands in `order` (a list of indices, first = top). */
function positions(order: readonly number[]): number[] {
  const out: number[] = new Array(order.length);
  order.forEach((i, k) => (out[i] = k + 1));
  return out;
}
