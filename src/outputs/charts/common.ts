/** Shared pieces of the chart specs: header, strategy colour scale, time-series data and mean-plus-band layers. */
import type { TopLevelSpec } from 'vega-lite';
import type { UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import { METRIC_BY_KEY, type MetricKey, type RunResult } from '../../model/metrics.js';
import type { Scenario } from '../../scenario/schema.js';
import { roundForChart } from '../format.js';
import { strategyColours, strategyLabels } from '../palette.js';
import { horizon, replicationCount } from '../runs.js';
import { dailyBandsRows } from '../tables.js';

export type VlSpec = TopLevelSpec;
export type Layer = UnitSpec<Field>;

export const VL_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
export const WIDTH = 640;
export const HEIGHT = 320;
/** Above this horizon, time charts show weekly means: daily points would bloat specs and blur lines. */
export const WEEKLY_ABOVE_DAYS = 400;

/** Axis title from the metric catalogue, with the unit unless the label already says it. */
export function axisTitle(key: MetricKey): string {
  const { label, unit } = METRIC_BY_KEY[key];
  return label.toLowerCase().includes(unit.toLowerCase()) ? label : `${label} (${unit})`;
}

/**
 * Colour encoding on the `strategy` field (chart labels) with the explicit shared scale. Line
 * legends use stroke symbols, so they look the same with or without bands behind the lines.
 */
export function colourEncoding(scenario: Scenario, legend: 'line' | 'none' = 'line') {
  return {
    field: 'strategy',
    type: 'nominal' as const,
    title: 'Strategy',
    scale: strategyColours(strategyLabels(scenario)),
    legend: legend === 'line' ? { symbolType: 'stroke', symbolStrokeWidth: 3 } : null,
  };
}

/** Title block and look shared by every chart. */
export function header(scenario: Scenario, title: string, subtitle: string[]) {
  return {
    $schema: VL_SCHEMA,
    title: { text: `${title} — ${scenario.name}`, subtitle, anchor: 'start' as const, fontSize: 16, subtitleFontSize: 12, subtitleColor: '#555' },
    background: 'white',
    config: { view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#e6e6e6' }, legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 260, symbolOpacity: 1 } },
  };
}

/** What the bands mean, for subtitles. */
export function replicationNote(replications: number, what = 'band'): string {
  return replications > 1 ? `Mean of ${replications} replications, ${what} = 95% interval` : '1 replication: no interval';
}

export interface TimeData {
  /** Rows ready for Vega-Lite: strategy is the chart label; `metric` tells series apart when a chart has several. */
  rows: { strategy: string; metric: MetricKey; day: number; mean: number | null; lo: number | null; hi: number | null }[];
  replications: number;
  days: number;
  period: 1 | 7;
}

/**
 * Band rows for time charts, weekly means when the horizon exceeds `weeklyAbove` days. Bands of
 * counts and ratios are cut at their bounds (0, and 100 for percentages): the mean cannot lie
 * beyond them, whatever the t interval says.
 */
export function timeData(scenario: Scenario, results: readonly RunResult[], metrics: readonly MetricKey[], weeklyAbove = WEEKLY_ABOVE_DAYS): TimeData {
  const days = horizon(results, scenario);
  const period = days > weeklyAbove ? 7 : 1;
  const rows = dailyBandsRows(scenario, results, metrics, period).map((r) => ({
    strategy: r.label,
    metric: r.metric,
    day: r.day,
    mean: roundForChart(r.mean),
    lo: roundForChart(lowerBound(r.metric, r.lo)),
    hi: roundForChart(upperBound(r.metric, r.hi)),
  }));
  return { rows, replications: replicationCount(results), days, period };
}

/** Counts and ratios cannot be negative, percentages not above 100: bands stop at those bounds. */
const lowerBound = (key: MetricKey, lo: number) => (METRIC_BY_KEY[key].kind === 'flow' || METRIC_BY_KEY[key].kind === 'ratio' ? Math.max(0, lo) : lo);
const upperBound = (key: MetricKey, hi: number) => (METRIC_BY_KEY[key].ratio?.scale === 100 ? Math.min(100, hi) : hi);

/** Subtitle of a time chart: replications and, when used, the weekly aggregation. */
export function timeSubtitle(data: TimeData, extra: string[] = []): string[] {
  const lines = [replicationNote(data.replications)];
  if (data.period === 7) lines.push(`Weekly means over ${data.days} days, plotted mid-week`);
  return [...extra, ...lines];
}

/** A mean line per strategy and, with replications, a translucent 95 % band behind it. */
export function bandLayers(scenario: Scenario, data: TimeData, yTitle: string): Layer[] {
  const x = { field: 'day', type: 'quantitative' as const, title: 'Day', scale: { domain: [0, data.days], nice: false }, axis: { tickMinStep: 1 } };
  const colour = colourEncoding(scenario);
  const band: Layer = {
    mark: { type: 'area', opacity: 0.2 },
    encoding: { x, y: { field: 'lo', type: 'quantitative', title: yTitle }, y2: { field: 'hi' }, color: colour },
  };
  const line: Layer = {
    mark: { type: 'line', strokeWidth: 2 },
    encoding: { x, y: { field: 'mean', type: 'quantitative', title: yTitle }, color: colour },
  };
  return data.replications > 1 ? [band, line] : [line];
}

/** A single-panel time chart of one metric. */
export function timeChart(scenario: Scenario, data: TimeData, title: string, metric: MetricKey, extraLayers: Layer[] = []): VlSpec {
  return {
    ...header(scenario, title, timeSubtitle(data)),
    width: WIDTH,
    height: HEIGHT,
    data: { values: data.rows.filter((r) => r.metric === metric).map(({ metric: _, ...rest }) => rest) },
    layer: [...extraLayers, ...bandLayers(scenario, data, axisTitle(metric))],
  };
}
