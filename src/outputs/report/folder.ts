/**
 * Builds report.html from an output folder of `compare` or `run`: the scenario from manifest.json,
 * the tables from summary.csv and paired.csv, spend from metrics.csv, the charts from
 * charts/*.vl.json, and the inlined vega libraries from node_modules. The same folder always gives
 * the same bytes, so the report can sit in the manifest and `cxsim reproduce` checks it too.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { UserError } from '../../scenario/errors.js';
import { loadScenario } from '../../scenario/load.js';
import type { Scenario } from '../../scenario/schema.js';
import { chartsFor } from '../charts/index.js';
import type { Manifest } from '../manifest.js';
import { currencyOf } from '../palette.js';
import { parseCsv } from './csv.js';
import { reportHtml, type ReportLibraries } from './html.js';
import { COST_SERIES, reportStrategies, type ReportChart, type ReportModel, type ReportPairedRow, type ReportSegmentRow, type ReportSummaryRow } from './model.js';

let libraries: ReportLibraries | undefined;

/** The UMD builds of vega, vega-lite and vega-embed (their packages export no deep paths: found beside their entry points). */
export async function reportLibraries(): Promise<ReportLibraries> {
  if (libraries) return libraries;
  const require = createRequire(import.meta.url);
  const beside = (pkg: string, file: string) => readFile(join(dirname(require.resolve(pkg)), file), 'utf8');
  libraries = { vega: await beside('vega', 'vega.min.js'), vegaLite: await beside('vega-lite', 'vega-lite.min.js'), vegaEmbed: await beside('vega-embed', 'vega-embed.min.js') };
  return libraries;
}

/** The report of an output folder; `scenario` defaults to the one its manifest recorded (restricted to the strategies run). */
export async function reportFromFolder(dir: string, scenario?: Scenario): Promise<string> {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new UserError(`${dir}: no manifest.json here; give the output folder of \`cxsim compare\` or \`cxsim run\``);
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
  if (!existsSync(join(dir, 'summary.csv'))) throw new UserError(`${dir}: no summary.csv here; a report needs the output folder of \`cxsim compare\` or \`cxsim run\``);
  const full = scenario ?? loadScenario(manifestPath);
  const s: Scenario = { ...full, strategies: full.strategies.filter((st) => manifest.strategies.includes(st.name)) };
  const summary = parseCsv(await readFile(join(dir, 'summary.csv'), 'utf8')).map(
    (r): ReportSummaryRow => ({ strategy: r.strategy, metric: r.metric, mean: num(r.mean), lo: num(r.lo95), hi: num(r.hi95), n: num(r.n) }),
  );
  const pairedPath = join(dir, 'paired.csv');
  const paired = existsSync(pairedPath)
    ? parseCsv(await readFile(pairedPath, 'utf8')).map((r): ReportPairedRow => ({ strategy: r.strategy, metric: r.metric, mean: num(r.meanDiff), lo: num(r.lo95), hi: num(r.hi95), n: num(r.n), distinguishable: r.distinguishable === 'true' }))
    : [];
  const segmentsPath = join(dir, 'segments.csv');
  const segments = existsSync(segmentsPath)
    ? parseCsv(await readFile(segmentsPath, 'utf8')).map((r): ReportSegmentRow => ({
        strategy: r.strategy, segment: r.segment, revenue: num(r.revenuePerCustomerYear), cost: num(r.costToServePerCustomerYear),
        mean: num(r.contributionPerCustomerYear), lo: num(r.lo), hi: num(r.hi), n: num(r.n),
      }))
    : [];
  const charts: ReportChart[] = [];
  for (const c of chartsFor(s.strategies.length, s)) {
    const path = join(dir, 'charts', `${c.file}.vl.json`);
    if (existsSync(path)) charts.push({ file: c.file, title: c.title, spec: JSON.parse(await readFile(path, 'utf8')) });
  }
  const model: ReportModel = {
    name: s.name,
    description: s.description,
    currency: currencyOf(s),
    days: manifest.days,
    replications: manifest.replications,
    seed: manifest.seed,
    strategies: reportStrategies(s, existsSync(join(dir, 'runs.csv')) ? await spendFromRuns(join(dir, 'runs.csv')) : await spendFromMetrics(join(dir, 'metrics.csv'))),
    summary,
    paired,
    charts,
    segments,
    reproduce: {
      version: manifest.cxsimVersion,
      scenarioHash: manifest.scenarioHash,
      command: manifest.command,
      how: 'In this folder, `cxsim reproduce manifest.json` re-runs the recorded scenario (every default spelled out) on the same seed and checks every output, this report included, byte for byte.',
    },
  };
  return reportHtml(model, await reportLibraries());
}

const num = (s: string | undefined) => (s === undefined || s === '' ? NaN : Number(s));

/** Mean spend per day of each strategy × replication, from runs.csv (one row per run). */
async function spendFromRuns(path: string): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  for (const r of parseCsv(await readFile(path, 'utf8'))) out.set(r.strategy, [...(out.get(r.strategy) ?? []), num(r.spendPerDay)]);
  return out;
}

/** The same from the daily cost columns of metrics.csv (folders written before runs.csv existed). */
async function spendFromMetrics(path: string): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  if (!existsSync(path)) return out;
  const lines = (await readFile(path, 'utf8')).split('\n');
  const head = lines[0].split(',');
  const at = (k: string) => head.indexOf(k);
  const [iStrategy, iRep, iDay] = [at('strategy'), at('replication'), at('day')];
  const costs = COST_SERIES.map(at).filter((i) => i >= 0);
  const sums = new Map<string, { strategy: string; spend: number; days: number }>();
  for (let k = 1; k < lines.length; k++) {
    if (!lines[k]) continue;
    // Strategy names are [A-Za-z][\w-]*: no quoting in this file.
    const cells = lines[k].split(',');
    const key = `${cells[iStrategy]}|${cells[iRep]}`;
    let acc = sums.get(key);
    if (!acc) sums.set(key, (acc = { strategy: cells[iStrategy], spend: 0, days: 0 }));
    for (const i of costs) acc.spend += Number(cells[i] || 0);
    acc.days = Math.max(acc.days, Number(cells[iDay]));
  }
  for (const acc of sums.values()) out.set(acc.strategy, [...(out.get(acc.strategy) ?? []), acc.spend / Math.max(1, acc.days)]);
  return out;
}
