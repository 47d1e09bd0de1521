/**
 * Chart of a parameter sweep, for the chosen summary metric: a line with its 95 % band over one
 * parameter, a heat map over two (coloured points when the design is not a grid), and one panel
 * per parameter (metric against that parameter) for more.
 */
import type { SweepResult } from '../../experiments/sweep.js';
import { roundForChart } from '../format.js';
import { currencyOf, displayUnit, strategyColours, strategyLabels } from '../palette.js';
import { SUMMARY_METRIC_BY_KEY, type SummaryMetricKey } from '../summaryMetrics.js';
import { sweepSummaryRows } from '../sweepTables.js';
import { header, HEIGHT, WIDTH, type Layer, type VlSpec } from './common.js';

export const title = 'Parameter sweep';

/** Sequential, perceptually uniform and readable with the common colour-vision deficiencies. */
const HEAT_SCHEME = 'viridis';
const PANEL_COLUMNS = 3;

export function sweepChart(result: SweepResult, metric: SummaryMetricKey): VlSpec {
  const m = SUMMARY_METRIC_BY_KEY[metric];
  const yTitle = `${m.label} (${displayUnit(m.unit, currencyOf(result.scenario))})`;
  // Field names p0, p1…: parameter paths contain dots, which Vega-Lite reads as nested fields.
  const values = sweepSummaryRows(result)
    .filter((r) => r.metric === metric)
    .map((r) => ({ point: r.point, ...Object.fromEntries(r.values.map((v, j) => [`p${j}`, v])), mean: roundForChart(r.mean), lo: roundForChart(r.lo), hi: roundForChart(r.hi) }));
  const reps = result.replications;
  const colours = strategyColours(strategyLabels(result.scenario));
  const colour = colours.range[result.scenario.strategies.indexOf(result.strategy)] ?? colours.range[0];
  const axis = (j: number) => {
    const numeric = result.points.every((p) => typeof p.values[j] === 'number');
    const title = result.parameters[j].path;
    return numeric ? { field: `p${j}`, type: 'quantitative' as const, title, scale: { zero: false, nice: false } } : { field: `p${j}`, type: 'ordinal' as const, title, axis: { labelAngle: 0 } };
  };
  const tooltip = [{ field: 'point', type: 'quantitative' as const }, ...result.parameters.map((p, j) => ({ field: `p${j}`, title: p.path })), { field: 'mean', type: 'quantitative' as const, format: ',.4~r' }, { field: 'lo', title: 'lo95', type: 'quantitative' as const, format: ',.4~r' }, { field: 'hi', title: 'hi95', type: 'quantitative' as const, format: ',.4~r' }];
  const against = (j: number, width: number): Layer[] => {
    const x = axis(j);
    const y = { field: 'mean', type: 'quantitative' as const, title: yTitle, scale: { zero: false } };
    // A band joins neighbouring points, which only makes sense when nothing else varies between them.
    const alone = result.parameters.length === 1 && x.type === 'quantitative';
    const interval: Layer = alone
      ? { mark: { type: 'area', opacity: 0.2, color: colour }, encoding: { x, y: { field: 'lo', type: 'quantitative', title: yTitle }, y2: { field: 'hi' } } }
      : { mark: { type: 'rule', strokeWidth: 1.5, color: colour }, encoding: { x, y: { field: 'lo', type: 'quantitative', title: yTitle }, y2: { field: 'hi' } } };
    const line: Layer = { mark: { type: 'line', strokeWidth: 2, color: colour }, encoding: { x, y } };
    const point: Layer = { mark: { type: 'point', filled: true, size: width < WIDTH ? 30 : 60, opacity: 1, color: colour }, encoding: { x, y, tooltip } };
    return [...(reps > 1 ? [interval] : []), ...(alone ? [line] : []), point];
  };
  const subtitle = [
    `Sweep of ${result.strategy.label}: ${result.design === 'grid' ? 'full grid' : 'Latin hypercube'}, ${result.points.length} points, day ${result.scenario.days}`,
    reps > 1 ? `Mean of ${reps} replications per point on the same seeds${result.parameters.length === 2 ? '' : result.parameters.length === 1 ? ', band = 95% interval' : ', line = 95% interval'}` : '1 replication per point: no interval',
  ];
  const base = { ...header(result.scenario, `${title}: ${m.label}`, subtitle), data: { values } };
  if (result.parameters.length === 1) return { ...base, width: WIDTH, height: HEIGHT, layer: against(0, WIDTH) };
  if (result.parameters.length === 2) return { ...base, ...heatMap(result, values, axis(0), axis(1), yTitle, tooltip) };
  const width = Math.round(WIDTH / PANEL_COLUMNS) - 20;
  // One shared y scale, so the panels show which parameter moves the metric most.
  return { ...base, columns: PANEL_COLUMNS, concat: result.parameters.map((_, j) => ({ width, height: Math.round(HEIGHT / 1.6), layer: against(j, width) })), resolve: { scale: { y: 'shared' } } };
}

type Tooltip = NonNullable<Layer['encoding']>['tooltip'];
type Axis = { field: string; type: 'quantitative' | 'ordinal'; title: string };

/** A grid gives cells (rect); scattered designs give points coloured by the mean. */
function heatMap(result: SweepResult, values: readonly { mean: number | null }[], x: Axis, y: Axis, legendTitle: string, tooltip: Tooltip): { width: number; height: number; layer: Layer[] } {
  const colour = { field: 'mean', type: 'quantitative' as const, title: legendTitle, scale: { scheme: HEAT_SCHEME }, legend: { titleLimit: 320 } };
  if (result.design === 'grid') {
    const cx = { field: x.field, type: 'ordinal' as const, title: x.title, axis: { labelAngle: 0 } };
    const cy = { field: y.field, type: 'ordinal' as const, title: y.title, sort: 'descending' as const };
    const cells: Layer = { mark: { type: 'rect' }, encoding: { x: cx, y: cy, color: colour, tooltip } };
    // viridis runs dark to bright: dark labels on the bright upper half of the range, white below.
    const means = values.map((v) => v.mean).filter((m): m is number => m !== null);
    const middle = means.length ? (Math.min(...means) + Math.max(...means)) / 2 : 0;
    const ink = { condition: { test: `datum.mean > ${middle}`, value: '#222' }, value: 'white' };
    const text: Layer = { mark: { type: 'text', fontSize: 11 }, encoding: { x: cx, y: cy, text: { field: 'mean', type: 'quantitative', format: ',.3~r' }, color: ink } };
    return { width: WIDTH, height: HEIGHT, layer: result.points.length <= 100 ? [cells, text] : [cells] };
  }
  return { width: WIDTH, height: HEIGHT, layer: [{ mark: { type: 'circle', size: 120, opacity: 1 }, encoding: { x, y, color: colour, tooltip } }] };
}
