/// <reference lib="dom" />
/**
 * The studio's results: the paired differences to the baseline as a table (mean, 95% interval,
 * verdict) and the same charts `cxsim compare` draws, built by the same chart builders over the
 * whole scenario (so every strategy keeps its colour), rendered with vega-embed; and the current
 * view as a self-contained report.
 */
import type { RunResult } from '../../model/metrics.js';
import { chartsFor } from '../../outputs/charts/index.js';
import * as customers from '../../outputs/charts/customers.js';
import * as nps from '../../outputs/charts/nps.js';
import * as paired from '../../outputs/charts/paired.js';
import * as profit from '../../outputs/charts/profit.js';
import * as tradeoff from '../../outputs/charts/tradeoff.js';
import type { VlSpec } from '../../outputs/charts/common.js';
import { canonicalJson } from '../../outputs/canonical.js';
import { formatHuman, humanDecimals } from '../../outputs/format.js';
import { colourByName, currencyOf, displayUnit } from '../../outputs/palette.js';
import { reportHtml } from '../../outputs/report/html.js';
import { reportStrategies, spendPerDay, type ReportModel } from '../../outputs/report/model.js';
import { SUMMARY_METRIC_BY_KEY, type SummaryMetricKey } from '../../outputs/summaryMetrics.js';
import { comparisonCount, pairedRows, pairedStanding, summaryRows } from '../../outputs/tables.js';
import { toScenarioFile } from '../../scenario/normalize.js';
import type { Candidate } from '../candidate.js';

declare const vegaEmbed: (el: HTMLElement, spec: unknown, opts: unknown) => Promise<{ finalize(): void }>;
declare const __CXSIM_VERSION__: string;

const TABLE: readonly SummaryMetricKey[] = ['finalNps', 'finalCustomers', 'cumulativeProfit', 'clv', 'costPerAcquisition', 'finalSatisfaction', 'contactSatisfaction', 'growthPerYear'];
const CHARTS = [
  { file: 'paired', build: paired.build, pair: true },
  { file: 'tradeoff', build: tradeoff.build, pair: true },
  { file: 'nps', build: nps.build, pair: false },
  { file: 'customers', build: customers.build, pair: false },
  { file: 'profit', build: profit.build, pair: false },
] as const;

const views = new Map<string, { finalize(): void }>();
let drawing: Promise<void> = Promise.resolve();

export function renderResults(root: HTMLElement, c: Candidate, results: RunResult[]): Promise<void> {
  // One drawing at a time: vega-embed is asynchronous, and a newer result must not be overdrawn by an older one.
  drawing = drawing.then(() => draw(root, c, results)).catch((e) => console.error(e));
  return drawing;
}

async function draw(root: HTMLElement, c: Candidate, results: RunResult[]): Promise<void> {
  const currency = currencyOf(c.pair);
  const table = root.querySelector<HTMLElement>('#paired-table')!;
  table.replaceChildren(pairedTable(c, results, currency));
  const two = c.pair.strategies.length > 1;
  for (const chart of CHARTS) {
    const el = root.querySelector<HTMLElement>(`[data-chart="${chart.file}"]`)!;
    el.hidden = chart.pair && !two;
    if (el.hidden) continue;
    const spec = chart.build(c.display, results);
    const next = await vegaEmbed(el, spec, { actions: false, renderer: 'svg' });
    views.get(chart.file)?.finalize();
    views.set(chart.file, next);
  }
}

function pairedTable(c: Candidate, results: RunResult[], currency: string): HTMLElement {
  const [base, cand] = c.pair.strategies;
  const summary = summaryRows(c.pair, results);
  const diffs = pairedRows(c.pair, results);
  const colours = colourByName(c.display);
  const t = document.createElement('table');
  t.className = 'paired';
  const head = t.createTHead().insertRow();
  const cell = (row: HTMLTableRowElement, text: string, cls = '', tag: 'td' | 'th' = 'td') => {
    const e = document.createElement(tag);
    e.textContent = text;
    if (cls) e.className = cls;
    row.append(e);
    return e;
  };
  const swatch = (name: string) => `<span class="swatch" style="background:${colours.get(name)}"></span>`;
  cell(head, 'Metric', '', 'th');
  cell(head, '', 'num', 'th').innerHTML = `${swatch(base.name)}`;
  head.lastElementChild!.append(base.label);
  if (cand) {
    cell(head, '', 'num', 'th').innerHTML = `${swatch(cand.name)}`;
    head.lastElementChild!.append(cand.label);
    cell(head, 'Difference [95% interval]', 'num', 'th');
    cell(head, 'Verdict', '', 'th').title = `Holm-adjusted over all ${comparisonCount(diffs)} metric comparisons of this pair: the chance of any false "distinguishable" stays at 5%`;
  }
  const body = t.createTBody();
  for (const key of TABLE) {
    const m = SUMMARY_METRIC_BY_KEY[key];
    const row = body.insertRow();
    row.dataset.metric = key;
    cell(row, `${m.label} `).append(Object.assign(document.createElement('span'), { className: 'unit', textContent: displayUnit(m.unit, currency) }));
    const a = summary.find((r) => r.strategy === base.name && r.metric === key);
    const d = humanDecimals(Math.abs(a?.mean ?? 0));
    cell(row, a ? formatHuman(a.mean, d) : '–', 'num');
    if (!cand) continue;
    const b = summary.find((r) => r.strategy === cand.name && r.metric === key);
    cell(row, b ? formatHuman(b.mean, d) : '–', 'num');
    const p = diffs.find((r) => r.metric === key);
    const dd = humanDecimals(Math.abs(p?.meanDiff ?? 0));
    const sign = (x: number) => (x > 0 ? '+' : '') + formatHuman(x, dd);
    const diffCell = cell(row, p && p.n > 0 ? sign(p.meanDiff) : '–', 'num');
    if (p && p.n > 1) diffCell.append(Object.assign(document.createElement('span'), { className: 'ci', textContent: `  [${sign(p.lo)}, ${sign(p.hi)}]` }));
    const verdict = !p || p.n < 2 ? 'too few replications' : pairedStanding(p);
    cell(row, verdict, p?.distinguishable ? 'verdict clear' : 'verdict');
  }
  return t;
}

/** The current view as report.html: the pair's tables, the compare charts, and how to get the same numbers with the CLI. */
export async function studioReport(c: Candidate, results: RunResult[], file: string): Promise<string> {
  const colours = colourByName(c.display);
  const strategies = reportStrategies(c.pair, spendPerDay(results)).map((s) => ({ ...s, colour: colours.get(s.name) ?? s.colour }));
  const charts = chartsFor(c.pair.strategies.length, c.display).map((ch) => ({ file: ch.file, title: ch.title, spec: ch.build(c.display, results) as VlSpec }));
  const hash = await sha256(canonicalJson(toScenarioFile(c.pair)));
  const yamlName = `${file.replace(/\.(ya?ml|json)$/i, '')}-studio.yaml`;
  const model: ReportModel = {
    name: c.pair.name,
    description: c.pair.description,
    currency: currencyOf(c.pair),
    days: c.pair.days,
    replications: results.length / c.pair.strategies.length,
    seed: c.pair.seed,
    strategies,
    summary: summaryRows(c.pair, results).map((r) => ({ strategy: r.strategy, metric: r.metric, mean: r.mean, lo: r.lo, hi: r.hi, n: r.n })),
    paired: pairedRows(c.pair, results).map((r) => ({ strategy: r.strategy, metric: r.metric, mean: r.meanDiff, lo: r.lo, hi: r.hi, n: r.n, distinguishable: r.distinguishable })),
    charts,
    reproduce: {
      version: __CXSIM_VERSION__,
      scenarioHash: hash,
      command: ['compare', yamlName],
      how: `Made in cxsim studio. Download the scenario as YAML (${yamlName}) and run \`cxsim compare\` on it: the same seed gives the same numbers for these strategies.`,
    },
  };
  const text = (path: string) => fetch(path).then((r) => r.text());
  const [vega, vegaLite, vegaEmbedCode] = await Promise.all([text('./vendor/vega.min.js'), text('./vendor/vega-lite.min.js'), text('./vendor/vega-embed.min.js')]);
  return reportHtml(model, { vega, vegaLite, vegaEmbed: vegaEmbedCode });
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
