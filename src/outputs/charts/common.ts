/**
 * Shared pieces of the chart specs: header and projector-sized look, strategy colour scale,
 * units with the scenario's currency, time-series data and mean-plus-band layers, and the time
 * chart itself (one panel for a few strategies, small multiples for many).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import { METRIC_BY_KEY, type MetricKey, type RunResult } from '../../model/metrics.js';
import type { Scenario } from '../../scenario/schema.js';
import { roundForChart } from '../format.js';
import { chartText } from '../../scenario/text.js';
import { BASELINE_COLOUR, CONTEXT_COLOUR, currencyOf, displayUnit, strategyColours, strategyLabels } from '../palette.js';
import { horizon, replicationCount } from '../runs.js';
import { dailyBandsRows } from '../tables.js';

export type VlSpec = TopLevelSpec;
export type Layer = UnitSpec<Field>;

/** Axis labels: 1.5k, 2M for large values, plain digits below 1000 (d3's ~s would print 0.5 as 500m). */
export const SI_LABELS = "abs(datum.value) >= 1000 ? format(datum.value, '.3~s') : format(datum.value, ',~r')";

export const VL_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
export const WIDTH = 720;
export const HEIGHT = 340;
/** Above this many strategies (baseline included), a time chart draws one small panel per strategy instead of one crowded panel. */
export const SMALL_MULTIPLES_ABOVE = 5;
/** Width of one small-multiple panel; three or four fit a projected page. */
export const PANEL_WIDTH = 230;
/** Above this horizon, time charts show weekly means: daily points would bloat specs and blur lines. */
export const WEEKLY_ABOVE_DAYS = 400;

/** Axis title from the metric catalogue, with the unit (money in the scenario's currency) unless the label already says it. */
export function axisTitle(key: MetricKey, currency = '€'): string {
  const { label } = METRIC_BY_KEY[key];
  const unit = displayUnit(METRIC_BY_KEY[key].unit, currency);
  return label.toLowerCase().includes(unit.toLowerCase()) ? label : `${label} (${unit})`;
}

/** A title with its unit in brackets, money in the scenario's currency. */
export const withUnit = (label: string, unit: string, currency: string) => `${label} (${displayUnit(unit, currency)})`;

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
    legend: legend === 'line' ? { symbolType: 'stroke', symbolStrokeWidth: 4, labelLimit: 0 } : null,
  };
}

/**
 * A strategy axis in scenario order. The order comes from a numeric `order` field of the rows, never
 * from a list of labels: Vega-Lite turns a list into an expression with each label inside it as
 * code (labels such as `constructor` or one holding U+2028 then break rendering, and a thousand
 * strategies overflow the parser's stack). Chart data stays data.
 */
export function strategyAxis(title: string | null = null) {
  return { field: 'strategy', type: 'nominal' as const, title, sort: { field: 'order', op: 'min' as const } };
}

/** Each chart label's position in the scenario (the `order` field strategyAxis sorts by). */
export function labelOrder(scenario: Scenario): Map<string, number> {
  return new Map(strategyLabels(scenario).map((l, i) => [l, i]));
}

/**
 * Title block and look shared by every chart: sized to be read when projected, strategy names
 * never cut (labelLimit 0 = no limit).
 */
export function header(scenario: Scenario, title: string, subtitle: string[]) {
  return {
    $schema: VL_SCHEMA,
    title: { text: chartText(`${title} — ${scenario.name}`), subtitle, anchor: 'start' as const, fontSize: 20, subtitleFontSize: 14, subtitleColor: '#444', subtitlePadding: 6, offset: 14 },
    background: 'white',
    padding: 12,
    config: {
      view: { stroke: null },
      font: 'DejaVu Sans, Verdana, sans-serif',
      axis: { labelFontSize: 14, titleFontSize: 14, titleFontWeight: 'normal' as const, labelLimit: 0, gridColor: '#e6e6e6', titleColor: '#222', labelColor: '#222' },
      legend: { labelFontSize: 14, titleFontSize: 14, labelLimit: 0, symbolOpacity: 1, symbolSize: 140 },
      header: { labelFontSize: 15, labelFontWeight: 'bold' as const, labelLimit: 0, labelColor: '#222' },
    },
  };
}

/** What the bands mean, for subtitles. */
export function replicationNote(replications: number, what = 'band'): string {
  return replications > 1 ? `Mean of ${replications} replications, ${what} = 95% interval` : '1 replication: no interval';
}

export interface TimeData {
  /** Rows ready for Vega-Lite: strategy is the chart label; `metric` tells series apart when a chart has several. */
  rows: { strategy: string; order: number; metric: MetricKey; day: number; mean: number | null; lo: number | null; hi: number | null }[];
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
  const order = labelOrder(scenario);
  const rows = dailyBandsRows(scenario, results, metrics, period).map((r) => ({
    strategy: r.label,
    order: order.get(r.label) ?? order.size,
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
  // Colours stay put (each strategy keeps its scenario colour); the scale and so the legend hold
  // only the strategies drawn. Not legend.values: Vega looks those up as object keys, and a label
  // such as `toString` then breaks rendering.
  const base = colourEncoding(scenario);
  const present = new Set(presentLabels(scenario, data));
  const kept = base.scale.domain.flatMap((l, i) => (present.has(l) ? [i] : []));
  const colour = { ...base, scale: { domain: kept.map((i) => base.scale.domain[i]), range: kept.map((i) => base.scale.range[i]) } };
  const band: Layer = {
    mark: { type: 'area', opacity: 0.2 },
    encoding: { x, y: { field: 'lo', type: 'quantitative', title: yTitle }, y2: { field: 'hi' }, color: colour },
  };
  const line: Layer = {
    mark: { type: 'line', strokeWidth: 2.5 },
    encoding: { x, y: { field: 'mean', type: 'quantitative', title: yTitle }, color: colour },
  };
  return data.replications > 1 ? [band, line] : [line];
}

/** Labels of the strategies that have rows in a time chart's data, in scenario order (a chart may show a few strategies of a larger scenario). */
export function presentLabels(scenario: Scenario, data: TimeData): string[] {
  const present = new Set(data.rows.map((r) => r.strategy));
  return strategyLabels(scenario).filter((l) => present.has(l));
}

/** Whether time charts of these data draw one panel per strategy. */
export const manyStrategies = (scenario: Scenario, data: TimeData) => presentLabels(scenario, data).length > SMALL_MULTIPLES_ABOVE;

/**
 * A time chart of one metric: one panel with every strategy for a few strategies; past
 * SMALL_MULTIPLES_ABOVE, one panel per strategy (see multiples).
 */
export function timeChart(scenario: Scenario, data: TimeData, title: string, metric: MetricKey, extraLayers: Layer[] = []): VlSpec {
  const yTitle = axisTitle(metric, currencyOf(scenario));
  if (!manyStrategies(scenario, data)) {
    const values = data.rows.filter((r) => r.metric === metric).map(({ metric: _, ...rest }) => rest);
    return { ...header(scenario, title, timeSubtitle(data)), width: WIDTH, height: HEIGHT, data: { values }, layer: [...extraLayers, ...bandLayers(scenario, data, yTitle)] };
  }
  return { ...header(scenario, title, timeSubtitle(data, [`${yTitle} by day`, multiplesNote(scenario, data)])), ...multiples(scenario, data, metric, null, extraLayers) } as VlSpec;
}

/** Subtitle line that explains small multiples. */
export function multiplesNote(scenario: Scenario, data: TimeData): string {
  return `One panel per strategy, in colour, against ${presentLabels(scenario, data)[0]} (dark grey) and the other strategies (light grey)`;
}

/**
 * Small multiples of one metric: a panel per non-baseline strategy with its band in its colour,
 * against the baseline (dark grey) and the other strategies (light grey), so each line can be
 * followed. Each row is copied into every panel by a flatten transform and tagged with its role
 * there, so the spec carries the data once. Panels and roles go by the strategies' positions
 * (numbers); the panel titles come from a lookup table, as data: no label is ever part of an
 * expression.
 */
export function multiples(scenario: Scenario, data: TimeData, metric: MetricKey, yTitle: string | null, extraLayers: Layer[] = []) {
  const values = data.rows.filter((r) => r.metric === metric).map(({ metric: _, ...rest }) => rest);
  const order = labelOrder(scenario);
  const [baseline, ...panels] = presentLabels(scenario, data).map((l) => ({ panel: order.get(l)!, panelLabel: l }));
  // No axis title under each panel (the subtitle says "by day"): it would run into the next row's panel titles.
  const x = { field: 'day', type: 'quantitative' as const, title: null, scale: { domain: [0, data.days], nice: false }, axis: { tickMinStep: 1, tickCount: 4 } };
  const y = (field: string) => ({ field, type: 'quantitative' as const, title: yTitle, scale: { zero: false }, axis: { tickCount: 4, labelExpr: SI_LABELS } });
  const role = (r: string) => ({ filter: `datum.role === '${r}'` });
  const colour = colourEncoding(scenario, 'none');
  const layers: Layer[] = [
    ...extraLayers,
    { transform: [role('other')], mark: { type: 'line', strokeWidth: 1, color: CONTEXT_COLOUR }, encoding: { x, y: y('mean'), detail: { field: 'strategy', type: 'nominal' } } },
    { transform: [role('baseline')], mark: { type: 'line', strokeWidth: 2, color: BASELINE_COLOUR }, encoding: { x, y: y('mean') } },
    ...(data.replications > 1 ? [{ transform: [role('focus')], mark: { type: 'area' as const, opacity: 0.25 }, encoding: { x, y: y('lo'), y2: { field: 'hi' }, color: colour } }] : []),
    { transform: [role('focus')], mark: { type: 'line', strokeWidth: 3 }, encoding: { x, y: y('mean'), color: colour } },
  ];
  return {
    data: { values },
    transform: [
      { calculate: JSON.stringify(panels.map((p) => p.panel)), as: 'panel' },
      { flatten: ['panel'] },
      { calculate: `datum.order === datum.panel ? 'focus' : datum.order === ${baseline.panel} ? 'baseline' : 'other'`, as: 'role' },
      { lookup: 'panel', from: { data: { values: panels }, key: 'panel', fields: ['panelLabel'] } },
    ],
    columns: panels.length <= 4 ? 2 : panels.length <= 6 ? 3 : 4,
    facet: { field: 'panelLabel', type: 'nominal' as const, title: null, sort: { field: 'panel', op: 'min' as const }, header: { labelAnchor: 'start' as const, labelOrient: 'top' as const } },
    spec: { width: PANEL_WIDTH, height: 150, layer: layers },
    // An x axis under every panel: a shared one would also stand under the empty cells of the last row.
    resolve: { axis: { x: 'independent' as const } },
    spacing: { row: 56, column: 26 },
    bounds: 'flush' as const,
  };
}
