/**
 * Chart: the trade-off between what customers say and what the firm earns — final NPS against
 * cumulative profit, one point per strategy with 95% whiskers both ways, the baseline's values as
 * dashed cross-hairs (up and right of them is better on both).
 */
import type { RunResult } from '../../model/metrics.js';
import type { Scenario } from '../../scenario/schema.js';
import { roundForChart } from '../format.js';
import { currencyOf } from '../palette.js';
import { replicationCount } from '../runs.js';
import { SUMMARY_METRIC_BY_KEY } from '../summaryMetrics.js';
import { summaryRows, type SummaryRow } from '../tables.js';
import { colourEncoding, header, SI_LABELS, HEIGHT, replicationNote, WIDTH, withUnit, type Layer, type VlSpec } from './common.js';
import { placeLabels } from './labels.js';

export const title = 'Trade-off: Net Promoter Score vs profit';

const X = 'cumulativeProfit';
const Y = 'finalNps';

export function tradeoffChart(rows: readonly SummaryRow[], scenario: Scenario, replications: number): VlSpec {
  const currency = currencyOf(scenario);
  const pick = (strategy: string, metric: string) => rows.find((r) => r.strategy === strategy && r.metric === metric);
  const values = scenario.strategies.flatMap((s, i) => {
    const x = pick(s.name, X), y = pick(s.name, Y);
    if (!x || !y) return [];
    return [{ strategy: rows.find((r) => r.strategy === s.name)!.label, baseline: i === 0, x: roundForChart(x.mean), xlo: roundForChart(x.lo), xhi: roundForChart(x.hi), y: roundForChart(y.mean), ylo: roundForChart(y.lo), yhi: roundForChart(y.hi) }];
  });
  const base = values[0];
  const width = WIDTH, height = HEIGHT + 120;
  const xDomain = paddedDomain(values.flatMap((v) => [v.x, v.xlo, v.xhi]));
  const yDomain = paddedDomain(values.flatMap((v) => [v.y, v.ylo, v.yhi]));
  const placed = placeLabels(values.map((v) => ({ x: v.x ?? 0, y: v.y ?? 0, text: v.strategy })), { width, height, xDomain, yDomain, fontSize: 14 });
  const labelled = values.map((v, i) => ({ ...v, lx: placed[i].x, ly: placed[i].y, align: placed[i].align }));
  const xTitle = `${withUnit(SUMMARY_METRIC_BY_KEY[X].label, SUMMARY_METRIC_BY_KEY[X].unit, currency)} after ${scenario.days} days`;
  const yTitle = withUnit(SUMMARY_METRIC_BY_KEY[Y].label, SUMMARY_METRIC_BY_KEY[Y].unit, currency);
  const x = { field: 'x', type: 'quantitative' as const, title: xTitle, scale: { domain: [...xDomain], nice: false, zero: false }, axis: { labelExpr: SI_LABELS } };
  const y = { field: 'y', type: 'quantitative' as const, title: yTitle, scale: { domain: [...yDomain], nice: false, zero: false } };
  const colour = colourEncoding(scenario, 'none');
  const cross = (channel: 'x' | 'y', value: number | null): Layer => ({ mark: { type: 'rule', color: '#777', strokeDash: [6, 4], strokeWidth: 1.5 }, encoding: { [channel]: { datum: value, type: 'quantitative' } } });
  const whiskers: Layer[] = [
    { mark: { type: 'rule', strokeWidth: 2, opacity: 0.8 }, encoding: { y, x: { field: 'xlo', type: 'quantitative' }, x2: { field: 'xhi' }, color: colour } },
    { mark: { type: 'rule', strokeWidth: 2, opacity: 0.8 }, encoding: { x, y: { field: 'ylo', type: 'quantitative' }, y2: { field: 'yhi' }, color: colour } },
  ];
  const tooltip = [{ field: 'strategy' }, { field: 'x', title: xTitle, type: 'quantitative' as const, format: ',.0f' }, { field: 'y', title: yTitle, type: 'quantitative' as const, format: '.1f' }];
  const point: Layer = { mark: { type: 'point', filled: true, size: 220, opacity: 1, stroke: 'white', strokeWidth: 1 }, encoding: { x, y, color: colour, tooltip } };
  // A white halo under each label keeps it readable across whiskers and dashed lines.
  const label = (align: 'left' | 'right' | 'center', halo = false): Layer => ({
    transform: [{ filter: `datum.align === '${align}'` }],
    mark: { type: 'text', align, baseline: 'middle', fontSize: 14, fontWeight: 'bold', ...(halo ? { stroke: 'white', strokeWidth: 5, strokeJoin: 'round' as const, color: 'white' } : {}) },
    // Labels in their strategy's colour, so each is tied to its point even where points crowd.
    encoding: { x: { field: 'lx', type: 'quantitative' }, y: { field: 'ly', type: 'quantitative' }, text: { field: 'strategy' }, ...(halo ? {} : { color: colour }) },
  });
  return {
    ...header(scenario, title, [`One point per strategy. ${replicationNote(replications, 'whiskers')}`, 'Dashed lines: the baseline; up and to the right is better on both']),
    width,
    height,
    data: { values: labelled },
    layer: [...(base ? [cross('x', base.x), cross('y', base.y)] : []), ...(replications > 1 ? whiskers : []), point, ...(['left', 'right', 'center'] as const).flatMap((a) => [label(a, true), label(a)])],
  } as VlSpec;
}

/** Data extent with 8% room on each side (labels need it), or ±1 around a single value. */
function paddedDomain(xs: readonly (number | null)[]): [number, number] {
  const finite = xs.filter((x): x is number => x !== null && Number.isFinite(x));
  if (finite.length === 0) return [0, 1];
  const lo = Math.min(...finite), hi = Math.max(...finite);
  const pad = hi > lo ? (hi - lo) * 0.08 : Math.max(1, Math.abs(lo) * 0.05);
  return [roundForChart(lo - pad) ?? lo - pad, roundForChart(hi + pad) ?? hi + pad];
}

export const build = (scenario: Scenario, results: readonly RunResult[]): VlSpec => tradeoffChart(summaryRows(scenario, results), scenario, replicationCount(results));
