/**
 * Chart: each strategy's difference to the baseline on the headline metrics, paired by
 * replication (common random numbers), with its 95% interval — the chart a workshop decides on.
 * A filled dot is a difference distinguishable from noise (Holm-adjusted over every strategy ×
 * metric comparison); a pale one only suggestive (its own interval excludes 0, but not after the
 * adjustment); an open one within noise.
 */
import type { RunResult } from '../../model/metrics.js';
import type { Scenario } from '../../scenario/schema.js';
import { roundForChart } from '../format.js';
import { currencyOf, strategyLabels } from '../palette.js';
import { replicationCount } from '../runs.js';
import { SUMMARY_METRIC_BY_KEY, type SummaryMetricKey } from '../summaryMetrics.js';
import { comparisonCount, pairedRows, pairedStanding, type PairedRow } from '../tables.js';
import { colourEncoding, header, labelOrder, SI_LABELS, strategyAxis, withUnit, type Layer, type VlSpec } from './common.js';

export const title = 'Difference to the baseline';

/** The headline metrics, in panel order. */
export const HEADLINE: readonly SummaryMetricKey[] = ['finalNps', 'finalCustomers', 'cumulativeProfit', 'clv'];

export function pairedChart(rows: readonly PairedRow[], scenario: Scenario, replications: number): VlSpec {
  const currency = currencyOf(scenario);
  const panel = (key: SummaryMetricKey) => `Δ ${withUnit(SUMMARY_METRIC_BY_KEY[key].label, SUMMARY_METRIC_BY_KEY[key].unit, currency)}`;
  const order = labelOrder(scenario);
  const values = rows
    .filter((r) => HEADLINE.includes(r.metric))
    .map((r) => ({ strategy: r.label, order: order.get(r.label) ?? order.size, metric: panel(r.metric), diff: roundForChart(r.meanDiff), lo: roundForChart(r.lo), hi: roundForChart(r.hi), verdict: pairedStanding(r) }));
  const [baseline] = strategyLabels(scenario);
  const y = strategyAxis();
  const x = (field: string) => ({ field, type: 'quantitative' as const, title: null, scale: { zero: true, padding: 16 }, axis: { tickCount: 5, labelExpr: SI_LABELS } });
  const colour = colourEncoding(scenario, 'none');
  const tooltip = [{ field: 'strategy' }, { field: 'metric' }, { field: 'diff', type: 'quantitative' as const, format: ',.4~r' }, { field: 'lo', type: 'quantitative' as const, title: 'lo95', format: ',.4~r' }, { field: 'hi', type: 'quantitative' as const, title: 'hi95', format: ',.4~r' }, { field: 'verdict' }];
  const zero: Layer = { mark: { type: 'rule', color: '#555', strokeWidth: 1.5 }, encoding: { x: { datum: 0, type: 'quantitative' } } };
  const interval: Layer = { mark: { type: 'rule', strokeWidth: 3 }, encoding: { y, x: x('lo'), x2: { field: 'hi' }, color: colour } };
  // One layer for every dot (a filtered layer per verdict would be empty in some panels): filled
  // in the strategy's colour when distinguishable, pale when suggestive, white inside within noise.
  const dot: Layer = {
    mark: { type: 'point', filled: true, size: 170, strokeWidth: 2.5, opacity: 1 },
    encoding: {
      y, x: x('diff'), stroke: colour,
      fill: { condition: { test: "datum.verdict !== 'within noise'", ...colour }, value: 'white' },
      fillOpacity: { condition: { test: "datum.verdict === 'suggestive'", value: 0.3 }, value: 1 },
      tooltip,
    },
  } as Layer;
  // A white disc under every dot: the interval line must not show through a pale one (nor look open).
  const under: Layer = { mark: { type: 'point', filled: true, size: 170, color: 'white', opacity: 1, strokeWidth: 0 }, encoding: { y, x: x('diff') } } as Layer;
  const subtitle =
    replications > 1
      ? [`Each strategy minus ${baseline}, paired by replication on the same seeds; line = 95% interval over ${replications} replications`, `Filled dot: distinguishable from noise, Holm-adjusted over all ${comparisonCount(rows)} strategy × metric comparisons`, `Pale dot: suggestive — its own 95% interval excludes 0, but not after that adjustment; open dot: within noise`]
      : [`Each strategy minus ${baseline} on the same seeds; 1 replication: no interval, nothing can be told from noise`];
  return {
    ...header(scenario, title, subtitle),
    data: { values },
    columns: 2,
    facet: { field: 'metric', type: 'nominal', title: null, sort: HEADLINE.map(panel), header: { labelAnchor: 'start' } },
    spec: { width: 300, height: { step: 30 }, layer: [zero, ...(replications > 1 ? [interval] : []), under, dot] },
    resolve: { scale: { x: 'independent' } },
    spacing: { row: 24, column: 30 },
  } as VlSpec;
}

export const build = (scenario: Scenario, results: readonly RunResult[]): VlSpec => pairedChart(pairedRows(scenario, results), scenario, replicationCount(results));
