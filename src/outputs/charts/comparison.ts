/** Chart: final values of the key summary metrics per strategy, mean point with 95 % interval, one panel per metric. */
import type { RunResult } from '../../model/metrics.js';
import type { Scenario } from '../../scenario/schema.js';
import { roundForChart } from '../format.js';
import { currencyOf } from '../palette.js';
import { SUMMARY_METRIC_BY_KEY, type SummaryMetricKey } from '../summaryMetrics.js';
import { summaryRows, type SummaryRow } from '../tables.js';
import { replicationCount } from '../runs.js';
import { colourEncoding, header, labelOrder, SI_LABELS, replicationNote, strategyAxis, withUnit, type Layer, type VlSpec } from './common.js';

export const title = 'Strategies compared at the end of the horizon';

export const COMPARED: readonly SummaryMetricKey[] = ['finalNps', 'finalCustomers', 'cumulativeProfit', 'clv'];


export function comparisonChart(rows: readonly SummaryRow[], scenario: Scenario, replications: number): VlSpec {
  const currency = currencyOf(scenario);
  const panelTitle = (key: SummaryMetricKey) => withUnit(SUMMARY_METRIC_BY_KEY[key].label, SUMMARY_METRIC_BY_KEY[key].unit, currency);
  const order = labelOrder(scenario);
  const values = rows
    .filter((r) => COMPARED.includes(r.metric))
    .map((r) => ({ strategy: r.label, order: order.get(r.label) ?? order.size, metric: panelTitle(r.metric), mean: roundForChart(r.mean), lo: roundForChart(r.lo), hi: roundForChart(r.hi) }));
  const y = strategyAxis();
  const colour = colourEncoding(scenario, 'none');
  const interval: Layer = {
    mark: { type: 'rule', strokeWidth: 3 },
    encoding: { y, x: { field: 'lo', type: 'quantitative', title: null, scale: { zero: false, padding: 12 }, axis: { labelExpr: SI_LABELS, tickCount: 5 } }, x2: { field: 'hi' }, color: colour },
  };
  const point: Layer = {
    mark: { type: 'point', filled: true, size: 150, opacity: 1 },
    encoding: {
      y,
      x: { field: 'mean', type: 'quantitative', title: null, scale: { zero: false, padding: 12 }, axis: { labelExpr: SI_LABELS, tickCount: 5 } },
      color: colour,
      tooltip: [{ field: 'strategy' }, { field: 'mean', type: 'quantitative', format: ',.4~r' }, { field: 'lo', type: 'quantitative', title: 'lo95', format: ',.4~r' }, { field: 'hi', type: 'quantitative', title: 'hi95', format: ',.4~r' }],
    },
  };
  return {
    ...header(scenario, title, [`Day ${scenario.days}, the end of the horizon; CLV = estimated lifetime value of one customer`, replicationNote(replications, 'line')]),
    data: { values },
    columns: 2,
    facet: { field: 'metric', type: 'nominal', title: null, sort: COMPARED.map(panelTitle), header: { labelAnchor: 'start' } },
    spec: { width: 300, height: { step: 30 }, layer: replications > 1 ? [interval, point] : [point] },
    resolve: { scale: { x: 'independent' } },
    spacing: { row: 24, column: 30 },
  };
}

export const build = (scenario: Scenario, results: readonly RunResult[]): VlSpec => comparisonChart(summaryRows(scenario, results), scenario, replicationCount(results));
