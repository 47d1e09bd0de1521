/**
 * One self-contained HTML report from a ReportModel: vega, vega-lite and vega-embed inlined, the
 * charts embedded as data, a content security policy that forbids every request, strategy
 * toggles that hide a strategy in every chart and table at once, and a print stylesheet (one
 * chart per page). Every text from a scenario file is escaped. Pure: runs in Node and in the studio.
 */
import { formatHuman, humanDecimals } from '../format.js';
import { SUMMARY_METRIC_BY_KEY, type SummaryMetricKey } from '../summaryMetrics.js';
import { pairedStanding, SUGGESTIVE_NOTE } from '../tables.js';
import { CLIENT_SCRIPT, STYLE } from './assets.js';
import { forReport } from './interactive.js';
import type { ReportModel, ReportStrategy } from './model.js';

/** The JavaScript libraries the report inlines (their UMD builds). */
export interface ReportLibraries {
  vega: string;
  vegaLite: string;
  vegaEmbed: string;
}

/** Summary-table columns, in order. */
const TABLE: readonly SummaryMetricKey[] = ['finalNps', 'finalCustomers', 'cumulativeProfit', 'clv', 'costPerAcquisition', 'finalSatisfaction', 'growthPerYear'];
/** Metrics the verdicts speak about, with short names. */
const VERDICT: readonly [SummaryMetricKey, string][] = [
  ['finalNps', 'NPS'],
  ['finalCustomers', 'customers'],
  ['cumulativeProfit', 'cumulative profit'],
  ['clv', 'CLV'],
  ['costPerAcquisition', 'cost per acquisition'],
];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text for HTML content and attribute values. */
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
/** JSON that is safe inside a <script> element: no `</script>`, no `<!--`, no line separators. */
export const scriptJson = (x: unknown): string => JSON.stringify(x).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
/** A library's code inside a <script> element. */
const scriptCode = (code: string) => code.replace(/<\/(script)/gi, '<\\/$1');

/** Money with the currency: "€1,234" for a symbol, "1,234 CHF" for a code. */
export function money(x: number, currency: string, decimals = 0): string {
  const n = formatHuman(x, decimals);
  return [...currency].length <= 1 ? (n.startsWith('-') ? `-${currency}${n.slice(1)}` : `${currency}${n}`) : `${n} ${currency}`;
}

function unitOf(metric: string, currency: string): string {
  const unit = SUMMARY_METRIC_BY_KEY[metric as SummaryMetricKey]?.unit ?? '';
  return unit.startsWith('money') ? unit.replace(/^money/, currency).replace('/', ' per ') : unit;
}

function value(x: number, metric: string, currency: string, decimals: number): string {
  if (!Number.isFinite(x)) return '–';
  return SUMMARY_METRIC_BY_KEY[metric as SummaryMetricKey]?.unit.startsWith('money') ? money(x, currency, decimals) : formatHuman(x, decimals);
}

export function reportHtml(m: ReportModel, libs: ReportLibraries): string {
  const base = m.strategies[0];
  const charts = m.charts.map((c) => ({ file: c.file, title: c.title, spec: forReport(c.spec) }));
  const csp = "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:";
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(m.name)} — cxsim report</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(m.name)}</h1>
${m.description ? `<p class="description">${esc(m.description)}</p>` : ''}
<p class="meta">${m.strategies.length} strategies · ${m.days} days · ${m.replications} replication${m.replications === 1 ? '' : 's'} on the same seeds (common random numbers) · seed ${m.seed} · money in ${esc(m.currency)}</p>
</header>
<nav class="toggles" aria-label="Strategies shown">
<span class="toggles-title">Show:</span>
${m.strategies.map((s) => `<label class="toggle" data-strategy="${esc(s.label)}"><input type="checkbox" checked data-toggle="${esc(s.label)}"><span class="swatch" style="background:${esc(s.colour)}"></span>${esc(s.label)}</label>`).join('\n')}
<button type="button" id="show-all">Show all</button>
</nav>
<main>
<section id="strategies">
<h2>Strategies</h2>
${strategiesTable(m, base)}
</section>
${m.paired.length > 0 ? `<section id="verdicts"><h2>Verdicts against ${esc(base.label)}</h2>${verdicts(m)}</section>` : ''}
${charts.map((c) => `<section class="chart" id="section-${esc(c.file)}" aria-label="${esc(c.title)}"><div class="vis" id="chart-${esc(c.file)}" data-chart="${esc(c.file)}"></div></section>`).join('\n')}
<section id="summary">
<h2>Summary at the end of the horizon</h2>
${summaryTable(m)}
</section>
${m.segments && m.segments.length > 0 ? `<section id="segments">
<h2>Customer segments: what they bring and what serving them costs</h2>
${segmentsTable(m)}
</section>` : ''}
<section id="reproduce">
<h2>How to reproduce</h2>
<p>${esc(m.reproduce.how)}</p>
<table class="kv">
<tr><th>cxsim version</th><td>${esc(m.reproduce.version)}</td></tr>
<tr><th>Command</th><td><code>${esc(['cxsim', ...m.reproduce.command].join(' '))}</code></td></tr>
<tr><th>Seed</th><td>${m.seed}</td></tr>
<tr><th>Scenario hash (SHA-256)</th><td><code>${esc(m.reproduce.scenarioHash)}</code></td></tr>
</table>
</section>
</main>
<script>${scriptCode(libs.vega)}</script>
<script>${scriptCode(libs.vegaLite)}</script>
<script>${scriptCode(libs.vegaEmbed)}</script>
<script type="application/json" id="cxsim-charts">${scriptJson(charts)}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}

function strategiesTable(m: ReportModel, base: ReportStrategy): string {
  const rows = m.strategies.map((s, i) => {
    const cost = s.costPerDay === null ? '–' : money(s.costPerDay, m.currency);
    const extra = i === 0 || s.costPerDay === null || base.costPerDay === null ? '' : signedMoney(s.costPerDay - base.costPerDay, m.currency);
    return `<tr data-strategy="${esc(s.label)}"><td><span class="swatch" style="background:${esc(s.colour)}"></span><strong>${esc(s.label)}</strong>${i === 0 ? ' <span class="tag">baseline</span>' : ''}</td><td>${esc(s.description) || '<span class="none">–</span>'}</td><td class="num">${cost}</td><td class="num">${extra}</td></tr>`;
  });
  return `<table class="strategies"><thead><tr><th>Strategy</th><th>What it changes</th><th class="num">Spend per day</th><th class="num">vs ${esc(base.label)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>
<p class="note">Spend per day: acquisition, retention, symbols, fixed, staff and goodwill costs, mean over the run and the replications.</p>`;
}

const signedMoney = (x: number, currency: string) => (Math.round(x) === 0 ? '±0' : (x > 0 ? '+' : '') + money(x, currency));

function verdicts(m: ReportModel): string {
  const items = m.strategies.slice(1).map((s) => {
    const rows = VERDICT.map(([key, short]) => ({ short, key, r: m.paired.find((p) => p.strategy === s.name && p.metric === key) }));
    let text: string;
    if (rows.every(({ r }) => !r || r.n < 2)) text = 'too few replications to tell differences from noise';
    else {
      const clear = rows.filter(({ r }) => r && pairedStanding(r) === 'distinguishable').map(({ short, key, r }) => {
        const d = humanDecimals(Math.abs(r!.mean));
        const v = value(r!.mean, key, m.currency, d);
        // Green when better for the firm: more of everything but cost per acquisition.
        const better = key === 'costPerAcquisition' ? r!.mean < 0 : r!.mean > 0;
        return `<span class="${better ? 'up' : 'down'}">${esc(short)} ${r!.mean > 0 ? '+' : ''}${esc(v)}</span>`;
      });
      const suggestive = rows.filter(({ r }) => r && pairedStanding(r) === 'suggestive').map(({ short, key, r }) => `${esc(short)} ${r!.mean > 0 ? '+' : ''}${esc(value(r!.mean, key, m.currency, humanDecimals(Math.abs(r!.mean))))}`);
      const noise = rows.filter(({ r }) => r && pairedStanding(r) === 'within noise').map(({ short }) => esc(short));
      text =
        (clear.length ? `distinguishable: ${clear.join(', ')}` : 'no difference distinguishable from noise') +
        (suggestive.length ? `; suggestive: ${suggestive.join(', ')}` : '') +
        (clear.length + suggestive.length && noise.length ? `; within noise: ${noise.join(', ')}` : '');
    }
    return `<li data-strategy="${esc(s.label)}"><span class="swatch" style="background:${esc(s.colour)}"></span><strong>${esc(s.label)}</strong>: ${text}</li>`;
  });
  return `<ul class="verdicts">${items.join('')}</ul><p class="note">Differences to the baseline paired by replication, 95% intervals; "distinguishable" when the difference stands out from noise after Holm's adjustment over all ${m.paired.filter((p) => p.n >= 2).length} strategy × metric comparisons (the chance of any false call among them stays at 5%); ${SUGGESTIVE_NOTE}.</p>`;
}

/** Contribution after cost to serve per customer-year, strategy × segment (F18): red where a segment costs more than it brings. */
function segmentsTable(m: ReportModel): string {
  const rows = m.segments ?? [];
  const names = [...new Set(rows.map((r) => r.segment))];
  const head = names.map((n) => `<th class="num">${esc(n)}<br><span class="unit">${esc(m.currency)} per customer-year</span></th>`).join('');
  const body = m.strategies.map((s) => {
    const cells = names.map((n) => {
      const r = rows.find((x) => x.strategy === s.name && x.segment === n);
      if (!r || !Number.isFinite(r.mean)) return '<td class="num">–</td>';
      const ci = r.n > 1 ? `<br><span class="ci">[${esc(money(r.lo, m.currency))}, ${esc(money(r.hi, m.currency))}]</span>` : '';
      const cls = r.n > 1 && r.hi < 0 ? ' down' : r.mean < 0 ? ' down' : '';
      return `<td class="num${cls}" title="revenue ${esc(money(r.revenue, m.currency))} − cost to serve ${esc(money(r.cost, m.currency))}">${esc(money(r.mean, m.currency))}${ci}</td>`;
    });
    return `<tr data-strategy="${esc(s.label)}"><td class="name"><span class="swatch" style="background:${esc(s.colour)}"></span>${esc(s.label)}</td>${cells.join('')}</tr>`;
  });
  const losing = rows.filter((r) => r.mean < 0);
  const verdict = losing.length === 0 ? 'Every segment brings more than serving it costs.' : `Costs more than it brings: ${losing.map((r) => `${esc(r.segment)} (${esc(m.strategies.find((s) => s.name === r.strategy)?.label ?? r.strategy)})`).join(', ')}.`;
  return `<p>${verdict}</p><div class="scroll"><table class="summary"><thead><tr><th>Strategy</th>${head}</tr></thead><tbody>${body.join('')}</tbody></table></div>
<p class="note">Contribution after cost to serve: margin and upsells minus the service cost each customer caused (staff time by handle minutes, goodwill, honesty letters, returns), per customer-year; marketing, retention, symbols, loyalty and fixed costs are not charged to customers. segments.csv has the parts.</p>`;
}

function summaryTable(m: ReportModel): string {
  const cols = TABLE.filter((k) => m.summary.some((r) => r.metric === k));
  const decimals = cols.map((k) => humanDecimals(Math.max(0, ...m.summary.filter((r) => r.metric === k).map((r) => Math.abs(r.mean)).filter(Number.isFinite))));
  const head = cols.map((k) => `<th class="num">${esc(SUMMARY_METRIC_BY_KEY[k].label)}<br><span class="unit">${esc(unitOf(k, m.currency))}</span></th>`).join('');
  const body = m.strategies.map((s) => {
    const cells = cols.map((k, j) => {
      const r = m.summary.find((x) => x.strategy === s.name && x.metric === k);
      if (!r || r.n === 0) return '<td class="num">–</td>';
      const ci = r.n > 1 ? `<br><span class="ci">[${esc(value(r.lo, k, m.currency, decimals[j]))}, ${esc(value(r.hi, k, m.currency, decimals[j]))}]</span>` : '';
      return `<td class="num">${esc(value(r.mean, k, m.currency, decimals[j]))}${ci}</td>`;
    });
    return `<tr data-strategy="${esc(s.label)}"><td class="name"><span class="swatch" style="background:${esc(s.colour)}"></span>${esc(s.label)}</td>${cells.join('')}</tr>`;
  });
  return `<div class="scroll"><table class="summary"><thead><tr><th>Strategy</th>${head}</tr></thead><tbody>${body.join('')}</tbody></table></div>
<p class="note">Mean over ${m.replications} replication${m.replications === 1 ? '' : 's'}${m.replications > 1 ? ', 95% interval in brackets' : ''}.</p>`;
}
