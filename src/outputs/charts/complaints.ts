/** Chart (F2): complaints management hears against the customers actually dissatisfied, totals per strategy. */
import type { RunResult } from '../../model/metrics.js';
import type { Scenario } from '../../scenario/schema.js';
import { finite, tInterval } from '../../stats/summary.js';
import { roundForChart } from '../format.js';
import { groupRuns, horizon, replicationCount, total } from '../runs.js';
import { SUMMARY_METRIC_BY_KEY } from '../summaryMetrics.js';
import { colourEncoding, header, replicationNote, strategyAxis, WIDTH, type Layer, type VlSpec } from './common.js';

export const title = 'Complaints heard vs dissatisfied in reality';

const DISSATISFIED = 'Dissatisfied in reality';
const HEARD = 'Complaints heard';

export interface ComplaintsRow {
  strategy: string; // chart label
  order: number; // position in the scenario (the axis sorts by it)
  problems: number | null;
  problemsLo: number | null;
  problemsHi: number | null;
  heard: number | null;
  heardLo: number | null;
  heardHi: number | null;
  heardText: string;
}

/** Totals over the horizon per strategy: mean and 95 % interval over replications. */
export function complaintsRows(scenario: Scenario, results: readonly RunResult[]): ComplaintsRow[] {
  const share = SUMMARY_METRIC_BY_KEY.complaintsHeardShare;
  const groups = groupRuns(results, scenario);
  const shares = groups.map((g) => tInterval(finite(g.runs.map(share.extract))));
  // One decimal for every bar as soon as one share needs it, so the labels read as a set.
  const decimals = shares.some((s) => s.n > 0 && s.mean < 9.95) ? 1 : 0;
  return groups.map((g, i) => {
    const p = tInterval(finite(g.runs.map((r) => total(r.series.problems))));
    const h = tInterval(finite(g.runs.map((r) => total(r.series.complaintsHeard))));
    const s = shares[i];
    return {
      strategy: g.label,
      order: i,
      problems: roundForChart(p.mean),
      problemsLo: roundForChart(p.lo),
      problemsHi: roundForChart(p.hi),
      heard: roundForChart(h.mean),
      heardLo: roundForChart(h.lo),
      heardHi: roundForChart(h.hi),
      heardText: s.n > 0 ? `${s.mean.toFixed(decimals)}% heard` : '',
    };
  });
}

export function complaintsChart(rows: readonly ComplaintsRow[], scenario: Scenario, replications: number, days: number): VlSpec {
  const y = strategyAxis();
  const xTitle = `Total over ${days} days (customers, complaints)`;
  const opacityScale = { domain: [DISSATISFIED, HEARD], range: [0.3, 1] };
  const colour = colourEncoding(scenario, 'none');
  const bar = (field: string, label: string): Layer => ({
    mark: { type: 'bar', height: { band: 0.7 } },
    // No stacking: one bar per strategy and layer anyway, and a stack orders by the colour domain inside an expression (labels as code).
    encoding: { y, x: { field, type: 'quantitative', title: xTitle, stack: null }, color: colour, opacity: { datum: label, scale: opacityScale, title: null, legend: { orient: 'bottom', direction: 'horizontal', symbolType: 'square', symbolFillColor: '#0072b2', symbolStrokeWidth: 0 } } },
  });
  const rule = (lo: string, hi: string): Layer => ({
    mark: { type: 'rule', color: '#222', strokeWidth: 1.5 },
    encoding: { y, x: { field: lo, type: 'quantitative' }, x2: { field: hi } },
  });
  const label: Layer = {
    mark: { type: 'text', align: 'left', dx: 6, fontSize: 14, fontWeight: 'bold' },
    encoding: { y, x: { field: replications > 1 ? 'problemsHi' : 'problems', type: 'quantitative' }, text: { field: 'heardText' } },
  };
  const subtitle = ['F2: the firm hears few of its dissatisfied customers; the rest complain at the front line or stay silent', replicationNote(replications, 'black line')];
  return {
    ...header(scenario, title, subtitle),
    width: WIDTH,
    height: { step: 40 },
    data: { values: rows },
    layer: [bar('problems', DISSATISFIED), bar('heard', HEARD), ...(replications > 1 ? [rule('problemsLo', 'problemsHi'), rule('heardLo', 'heardHi')] : []), label],
  };
}

export const build = (scenario: Scenario, results: readonly RunResult[]): VlSpec =>
  complaintsChart(complaintsRows(scenario, results), scenario, replicationCount(results), horizon(results, scenario));
