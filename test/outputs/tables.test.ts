/** CSV tables and band rows from the synthetic fixture, checked against hand computations. */
import { describe, expect, it } from 'vitest';
import { METRIC_KEYS } from '../../src/model/metrics.js';
import { csvCell, formatHuman, formatNumber } from '../../src/outputs/format.js';
import { SUMMARY_METRICS } from '../../src/outputs/summaryMetrics.js';
import { comparisonCount, dailyBandsRows, formatSummaryTable, metricsCsv, pairedCsv, pairedRows, pairedStanding, summaryCsv, summaryRows } from '../../src/outputs/tables.js';
import { makeResults, makeScenario } from './fixtures.js';

const scenario = makeScenario();
const results = makeResults();
const T4_2 = 4.302653; // Student-t 97.5 % quantile, 2 df (3 replications)
const lines = (csv: string) => csv.trimEnd().split('\n');

describe('formatNumber and csvCell', () => {
  it('prints integers as integers, others to 10 significant digits, non-finite as empty', () => {
    expect(formatNumber(2000)).toBe('2000');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1 / 3)).toBe('0.3333333333');
    expect(formatNumber(NaN)).toBe('');
    expect(formatNumber(Infinity)).toBe('');
  });
  it('quotes only cells that need it', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell(true)).toBe('true');
  });
  it('formats numbers for people without depending on the locale', () => {
    expect(formatHuman(1234567.89, 0)).toBe('1,234,568');
    expect(formatHuman(-1234.5, 1)).toBe('-1,234.5');
    expect(formatHuman(-0.001, 1)).toBe('0.0');
    expect(formatHuman(NaN, 1)).toBe('–');
  });
});

describe('metricsCsv', () => {
  const csv = metricsCsv(results);
  const rows = lines(csv);
  it('has the header and one row per strategy × replication × day', () => {
    expect(rows[0]).toBe(['strategy', 'replication', 'day', ...METRIC_KEYS].join(','));
    expect(rows.length).toBe(1 + 3 * 3 * 31);
    expect(csv.endsWith('\n')).toBe(true);
  });
  it('orders rows by strategy, replication, day', () => {
    expect(rows[1].startsWith('baseline,0,0,')).toBe(true);
    expect(rows[31].startsWith('baseline,0,30,')).toBe(true);
    expect(rows[32].startsWith('baseline,1,0,')).toBe(true);
    expect(rows[1 + 93].startsWith('recovery,0,0,')).toBe(true);
    expect(rows.at(-1)!.startsWith('symbols,2,30,')).toBe(true);
  });
  it('sorts replications and follows the scenario order when given one', () => {
    expect(metricsCsv([...results].reverse(), scenario)).toBe(csv);
    const byAppearance = lines(metricsCsv([...results].reverse()));
    expect(byAppearance[1].startsWith('symbols,0,0,')).toBe(true);
  });
  it('formats numbers and leaves NaN empty', () => {
    const copy = makeResults();
    copy[0].series.satisfaction[0] = NaN;
    const cells = lines(metricsCsv(copy))[2].split(','); // baseline, replication 0, day 1
    const col = (k: string) => 3 + METRIC_KEYS.indexOf(k as never);
    expect(cells[col('customers')]).toBe('2020');
    expect(cells[col('satisfaction')]).toBe('7.001');
    expect(lines(metricsCsv(copy))[1].split(',')[col('satisfaction')]).toBe('');
  });
});

describe('summaryRows and summaryCsv', () => {
  const rows = summaryRows(scenario, results);
  it('has one row per strategy × summary metric, in order', () => {
    expect(rows.length).toBe(3 * SUMMARY_METRICS.length);
    expect(rows.slice(0, SUMMARY_METRICS.length).map((r) => r.metric)).toEqual(SUMMARY_METRICS.map((m) => m.key));
    expect([...new Set(rows.map((r) => r.strategy))]).toEqual(['baseline', 'recovery', 'symbols']);
  });
  it('matches a hand-computed interval: final customers 2000 + 30·(20 + 10s) + 7r', () => {
    const r = rows.find((x) => x.strategy === 'recovery' && x.metric === 'finalCustomers')!;
    const mean = 2000 + 30 * 30 + 7; // r = 0, 1, 2 → +0, +7, +14
    expect(r.mean).toBe(mean);
    expect(r.sd).toBeCloseTo(7, 12);
    expect(r.lo).toBeCloseTo(mean - (T4_2 * 7) / Math.sqrt(3), 4);
    expect(r.hi).toBeCloseTo(mean + (T4_2 * 7) / Math.sqrt(3), 4);
    expect(r.n).toBe(3);
  });
  it('computes totals, the complaints share and the NPS standard error', () => {
    const get = (metric: string) => rows.find((x) => x.strategy === 'baseline' && x.metric === metric)!;
    expect(get('customersAcquired').mean).toBe(30 * 26); // 25 + r, mean r = 1
    expect(get('customersLost').mean).toBe(150);
    expect(get('cumulativeProfit').mean).toBe(30 * 400);
    expect(get('cumulativeProfit').hi).toBe(12000); // identical replications → zero width
    const share = [0, 1, 2].map((r) => 100 / (10 + r));
    expect(get('complaintsHeardShare').mean).toBeCloseTo(share.reduce((a, b) => a + b) / 3, 10);
    const se = [0, 1, 2].map((r) => {
      const p = (40 + 0.5 * r) / 100;
      const d = (20 - 0.25 * r) / 100;
      return 100 * Math.sqrt((p + d - (p - d) ** 2) / (2000 + 600 + 7 * r));
    });
    expect(get('npsStandardError').mean).toBeCloseTo(se.reduce((a, b) => a + b) / 3, 10);
  });
  it('drops undefined replications from n', () => {
    const copy = makeResults();
    copy[1].totals.costPerAcquisition = NaN;
    const r = summaryRows(scenario, copy).find((x) => x.strategy === 'baseline' && x.metric === 'costPerAcquisition')!;
    expect(r.n).toBe(2);
    expect(r.mean).toBe(201); // 200 and 202
  });
  it('writes the CSV with the same numbers', () => {
    const csv = lines(summaryCsv(scenario, results));
    expect(csv[0]).toBe('strategy,metric,label,unit,mean,lo95,hi95,sd,n');
    expect(csv.length).toBe(1 + 3 * SUMMARY_METRICS.length);
    const row = csv.find((l) => l.startsWith('recovery,finalCustomers,'))!.split(',');
    expect(row.slice(0, 5)).toEqual(['recovery', 'finalCustomers', 'Final active customers', 'customers', '2907']);
    expect(Number(row[5])).toBeCloseTo(2907 - (T4_2 * 7) / Math.sqrt(3), 4);
    expect(row[5]).toMatch(/^\d+\.\d{1,6}$/); // 10 significant digits at most
    expect(row[7]).toBe('7');
    expect(row[8]).toBe('3');
  });
});

describe('pairedRows and pairedCsv', () => {
  const rows = pairedRows(scenario, results);
  const get = (strategy: string, metric: string) => rows.find((r) => r.strategy === strategy && r.metric === metric)!;
  it('covers every non-baseline strategy × summary metric', () => {
    expect(rows.length).toBe(2 * SUMMARY_METRICS.length);
    expect(rows.every((r) => r.baseline === 'baseline')).toBe(true);
  });
  it('pairs by replication: a constant shift has zero width and is distinguishable', () => {
    expect(get('recovery', 'finalCustomers')).toMatchObject({ meanDiff: 300, lo: 300, hi: 300, n: 3, distinguishable: true });
    expect(get('symbols', 'cumulativeProfit')).toMatchObject({ meanDiff: 5400, lo: 5400, hi: 5400, distinguishable: true });
  });
  it('matches a hand computation where the difference varies: CPA diffs −10 + r', () => {
    const d = get('recovery', 'costPerAcquisition');
    expect(d.meanDiff).toBe(-9);
    expect(d.lo).toBeCloseTo(-9 - T4_2 / Math.sqrt(3), 4);
    expect(d.hi).toBeCloseTo(-9 + T4_2 / Math.sqrt(3), 4);
    // t = 9/(1/√3) = 15.59 on 2 df: p = 2·T₂(−15.59) = 0.00409, below 0.05 on its own.
    expect(d.p).toBeCloseTo(0.00409, 5);
  });
  it('adjusts the verdicts for all comparisons at once (Holm): a single-test p of 0.004 is not enough among 32', () => {
    // 32 comparisons have a test (two pairs or more). Ascending: 12 constant shifts (p = 0), the two
    // NPS-error and two growth differences, then both CPA differences (p = 0.00409, tied) at rank
    // 17 of 32: Holm multiplies by 32 − 16 = 16 → 0.0654 ≥ 0.05, so within noise after all.
    expect(comparisonCount(rows)).toBe(32);
    const d = get('recovery', 'costPerAcquisition');
    expect(d.pHolm).toBeCloseTo(16 * d.p, 12);
    expect(d.distinguishable).toBe(false);
    expect(get('recovery', 'finalCustomers')).toMatchObject({ p: 0, pHolm: 0, distinguishable: true });
    expect(rows.filter((r) => r.distinguishable).every((r) => r.pHolm < 0.05 && r.p < 0.05)).toBe(true);
  });
  it('tells distinguishable, suggestive (its own interval clear of 0, not after Holm) and within noise apart', () => {
    expect(pairedStanding(get('recovery', 'finalCustomers'))).toBe('distinguishable');
    expect(pairedStanding(get('recovery', 'costPerAcquisition'))).toBe('suggestive'); // p 0.00409 alone, 0.0654 adjusted
    expect(pairedStanding(get('recovery', 'clv'))).toBe('within noise'); // interval around 0
    expect(pairedStanding({ n: 1, lo: 5, hi: 5, distinguishable: false })).toBe('within noise'); // one pair: no test
  });
  it('calls a noisy zero-mean difference indistinguishable: CLV diffs −20, 40, −20', () => {
    const d = get('recovery', 'clv');
    expect(d.meanDiff).toBe(0);
    expect(d.distinguishable).toBe(false);
  });
  it('writes the CSV', () => {
    const csv = lines(pairedCsv(scenario, results));
    expect(csv[0]).toBe('strategy,baseline,metric,label,unit,meanDiff,lo95,hi95,n,p,pHolm,distinguishable');
    expect(csv.length).toBe(1 + 2 * SUMMARY_METRICS.length);
    expect(csv).toContain('recovery,baseline,finalCustomers,Final active customers,customers,300,300,300,3,0,0,true');
  });
  it('is empty with a single strategy', () => {
    const one = makeScenario({ strategies: 1 });
    expect(pairedRows(one, makeResults({ strategies: 1 }))).toEqual([]);
  });
});

describe('dailyBandsRows', () => {
  it('gives one row per strategy × day × metric with the mean across replications', () => {
    const rows = dailyBandsRows(scenario, results, ['customers', 'nps']);
    expect(rows.length).toBe(3 * 31 * 2);
    const r = rows.find((x) => x.strategy === 'symbols' && x.day === 10 && x.metric === 'customers')!;
    expect(r.mean).toBe(2000 + 40 * 10 + 7);
    expect(r.hi - r.mean).toBeCloseTo((T4_2 * 7) / Math.sqrt(3), 4);
    expect(r.label).toBe('Symbols of extremism');
  });
  it('averages each run over blocks before taking intervals', () => {
    const rows = dailyBandsRows(scenario, results, ['customers'], 7).filter((r) => r.strategy === 'baseline');
    expect(rows.map((r) => r.day)).toEqual([3, 10, 17, 24, 29]); // blocks 0–6, 7–13, 14–20, 21–27, 28–30
    expect(rows[4].mean).toBe(2000 + 20 * 29 + 7); // linear series: block mean = value at the middle day
  });
});

describe('formatSummaryTable', () => {
  const text = formatSummaryTable(scenario, results);
  it('shows each strategy with mean ± half-width', () => {
    for (const label of ['Baseline', 'Service recovery', 'Symbols of extremism']) expect(text).toContain(label);
    expect(text).toContain('2,907 ± 17');
    expect(text).toMatch(/over 3 replications/);
  });
  it('says which differences stand out from noise', () => {
    expect(text).toContain('verdicts Holm-adjusted over all 32 strategy × metric comparisons');
    // CPA −9: its own interval excludes 0 (p = 0.00409) but not after Holm's adjustment (0.0654): suggestive.
    expect(text).toContain('Service recovery: distinguishable: NPS +3.0, customers +300, cum. profit +2,700; suggestive: CPA -9; within noise: CLV');
    expect(text).toContain('suggestive: its own 95% interval excludes 0, but not after the adjustment');
  });
  it('does not claim differences from one replication', () => {
    const one = formatSummaryTable(makeScenario({ replications: 1 }), makeResults({ replications: 1 }));
    expect(one).toContain('too few replications');
    expect(one).not.toContain('±');
  });
});
