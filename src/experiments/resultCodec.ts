/**
 * A RunResult as JSON and back, exactly: series become arrays of numbers (JSON's shortest
 * round-trip form parses back to the same double), and the values JSON cannot hold (NaN,
 * ±Infinity, −0) become the strings "NaN", "Infinity", "-Infinity", "-0".
 */
import type { RunResult, Series } from '../model/metrics.js';

export type Encoded = number | string;

export interface EncodedResult {
  strategy: string;
  replication: number;
  days: number;
  series: Record<string, Encoded[]>;
  totals: Record<string, Encoded>;
}

export function encodeNumber(x: number): Encoded {
  if (Object.is(x, -0)) return '-0';
  return Number.isFinite(x) ? x : String(x);
}

export function decodeNumber(x: Encoded): number {
  return typeof x === 'number' ? x : Number(x);
}

export function encodeResult(r: RunResult): EncodedResult {
  const series: Record<string, Encoded[]> = {};
  for (const [key, values] of Object.entries(r.series)) series[key] = Array.from(values, encodeNumber);
  const totals: Record<string, Encoded> = {};
  for (const [key, value] of Object.entries(r.totals)) totals[key] = encodeNumber(value);
  return { strategy: r.strategy, replication: r.replication, days: r.days, series, totals };
}

/** The run back, or undefined when the record lacks a metric the model now reports (or has the wrong length). */
export function decodeResult(e: EncodedResult, metricKeys: readonly string[]): RunResult | undefined {
  if (typeof e !== 'object' || e === null || typeof e.series !== 'object' || typeof e.totals !== 'object') return undefined;
  const series: Record<string, Float64Array> = {};
  for (const key of metricKeys) {
    const values = e.series[key];
    if (!Array.isArray(values) || values.length !== e.days + 1) return undefined;
    series[key] = Float64Array.from(values, decodeNumber);
  }
  const totals: Record<string, number> = {};
  for (const [key, value] of Object.entries(e.totals)) totals[key] = decodeNumber(value);
  return { strategy: e.strategy, replication: e.replication, days: e.days, series: series as Series, totals: totals as unknown as RunResult['totals'] };
}
