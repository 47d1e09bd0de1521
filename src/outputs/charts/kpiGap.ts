/**
 * Chart: two views of the same service (F6, F12). Per strategy, the firm's first-contact
 * resolution (share of contacts closed in the contact) next to the customer's (share of
 * problems solved in their first contact), over the whole run, with 95% intervals: the
 * distance between the two dots is the gap the firm does not see.
 */
import type { MetricKey, RunResult } from '../../model/metrics.js';
import { periodValue } from '../../model/metrics.js';
import type { Scenario } from '../../scenario/schema.js';
import { finite, tInterval } from '../../stats/summary.js';
import { roundForChart } from '../format.js';
import { groupRuns, replicationCount } from '../runs.js';
import { colourEncoding, header, replicationNote, strategyAxis, WIDTH, type VlSpec } from './common.js';

export const title = 'First-contact resolution: the firm\'s KPI vs the customer\'s view';

const VIEWS: readonly { key: MetricKey; view: string }[] = [
  { key: 'firstContactResolution', view: 'Firm: contacts closed in the contact' },
  { key: 'customerFirstContactResolution', view: 'Customer: problems solved at first contact' },
];

const clampPct = (x: number) => roundForChart(Math.min(100, Math.max(0, x)));

export function kpiGapChart(scenario: Scenario, results: readonly RunResult[]): VlSpec {
  const groups = groupRuns(results, scenario);
  const rows = groups.flatMap((g, order) =>
    VIEWS.map(({ key, view }) => {
      const ci = tInterval(finite(g.runs.map((r) => periodValue(r.series, key, 1, r.days))));
      // Shares are bounded: an interval past 0 or 100% says nothing more than the bound.
      return { strategy: g.label, order, view, mean: roundForChart(ci.mean), lo: clampPct(ci.lo), hi: clampPct(ci.hi) };
    }),
  );
  const gaps = groups.map((g, order) => {
    const [firm, customer] = VIEWS.map(({ view }) => rows.find((r) => r.order === order && r.view === view)!.mean);
    return { strategy: g.label, order, firm, customer };
  });
  const y = strategyAxis();
  const xTitle = 'First-contact resolution (%)';
  const x = { field: 'mean', type: 'quantitative' as const, title: xTitle, scale: { domain: [0, 100] } };
  const colour = colourEncoding(scenario, 'none');
  // The marks' stroke is the strategy colour, which a legend of views has none of: draw its symbols in dark grey.
  const legend = { orient: 'bottom', direction: 'vertical', labelLimit: 0, encode: { symbols: { update: { stroke: { value: '#333333' }, strokeWidth: { value: 2 } } } } };
  return {
    ...header(scenario, title, ['Over the whole run; F12: three "first-time-right" closures can be three calls for the customer', replicationNote(replicationCount(results), 'whiskers')]),
    width: WIDTH,
    height: { step: 34 },
    layer: [
      { data: { values: gaps }, mark: { type: 'rule', strokeWidth: 4, opacity: 0.3 }, encoding: { y, x: { field: 'customer', type: 'quantitative', title: xTitle, scale: { domain: [0, 100] } }, x2: { field: 'firm' }, color: colour } },
      { data: { values: rows }, mark: { type: 'rule' }, encoding: { y, x: { field: 'lo', type: 'quantitative', title: xTitle }, x2: { field: 'hi' }, color: colour } },
      {
        data: { values: rows },
        mark: { type: 'point', size: 160, strokeWidth: 2.5, opacity: 1 },
        encoding: {
          y,
          x,
          color: colour,
          // Shape and fill on the same field share one legend: a dark circle for the firm, an open square for the customer.
          shape: { field: 'view', type: 'nominal', title: null, scale: { domain: VIEWS.map((v) => v.view), range: ['circle', 'square'] }, legend: legend },
          fill: { field: 'view', type: 'nominal', title: null, scale: { domain: VIEWS.map((v) => v.view), range: ['#333333', '#ffffff'] }, legend: legend },
        },
      },
    ],
  } as VlSpec;
}

export const build = (scenario: Scenario, results: readonly RunResult[]): VlSpec => kpiGapChart(scenario, results);
