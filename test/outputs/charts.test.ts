/** Every chart compiles without Vega-Lite warnings, renders to SVG with its title, and shares the strategy colours. */
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/outputs/charts/index.js';
import { VL_SCHEMA, WEEKLY_ABOVE_DAYS } from '../../src/outputs/charts/common.js';
import { strategyColours, strategyLabels } from '../../src/outputs/palette.js';
import { CollectingLogger, renderSvg } from '../../src/outputs/render.js';
import { makeResults, makeScenario } from './fixtures.js';

const scenario = makeScenario();
const results = makeResults();

/** Every `color` encoding in a spec, at any depth. */
function colourEncodings(spec: unknown): { scale?: unknown }[] {
  const found: { scale?: unknown }[] = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      for (const [k, v] of Object.entries(x)) {
        if (k === 'color' && v && typeof v === 'object') found.push(v as { scale?: unknown });
        walk(v);
      }
    }
  };
  walk(spec);
  return found;
}

/** Inline data of a spec: top-level `data`, or the layers' own data (charts whose layers draw different rows). */
const dataValues = (spec: unknown): Record<string, unknown>[] => {
  const s = spec as { data?: { values: Record<string, unknown>[] }; layer?: { data?: { values: Record<string, unknown>[] } }[] };
  return s.data ? s.data.values : (s.layer ?? []).flatMap((l) => l.data?.values ?? []);
};
const subtitle = (spec: unknown) => (spec as { title: { subtitle: string[] } }).title.subtitle.join(' | ');

describe.each(CHARTS.map((c) => [c.file, c] as const))('chart %s', (_file, chart) => {
  const spec = chart.build(scenario, results);

  it('is a Vega-Lite v6 spec with inline data, titled with the scenario name', () => {
    expect(spec.$schema).toBe(VL_SCHEMA);
    expect(Array.isArray(dataValues(spec))).toBe(true);
    expect(dataValues(spec).length).toBeGreaterThan(0);
    expect((spec as { title: { text: string } }).title.text).toBe(`${chart.title} — ${scenario.name}`);
    expect(subtitle(spec)).toMatch(/(Mean of|over) 3 replications/);
  });

  it('compiles without warnings', () => {
    const logger = new CollectingLogger();
    compile(spec, { logger });
    expect(logger.messages).toEqual([]);
  });

  it('renders to SVG containing the title, without runtime warnings, deterministically', async () => {
    const logger = new CollectingLogger();
    const svg = await renderSvg(spec, logger);
    expect(logger.messages).toEqual([]);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain(chart.title);
    expect(svg).toContain(scenario.name);
    expect(await renderSvg(spec)).toBe(svg);
  });

  it('colours strategies with the shared explicit scale', () => {
    const encodings = colourEncodings(spec);
    expect(encodings.length).toBeGreaterThan(0);
    for (const e of encodings) expect(e.scale).toEqual(strategyColours(strategyLabels(scenario)));
  });

  it('also builds, compiles and renders from a single replication', async () => {
    const one = chart.build(makeScenario({ replications: 1 }), makeResults({ replications: 1 }));
    expect(subtitle(one)).toContain('1 replication');
    const logger = new CollectingLogger();
    await renderSvg(one, logger);
    expect(logger.messages).toEqual([]);
  });
});

describe('time charts', () => {
  const customers = CHARTS.find((c) => c.file === 'customers')!;
  it('draw a band only with replications', () => {
    const marks = (s: unknown) => JSON.stringify(s).match(/"type":"area"/g)?.length ?? 0;
    expect(marks(customers.build(scenario, results))).toBe(1);
    expect(marks(customers.build(makeScenario({ replications: 1 }), makeResults({ replications: 1 })))).toBe(0);
  });
  it(`aggregate to weekly means above ${WEEKLY_ABOVE_DAYS} days and say so`, async () => {
    const long = { days: 450, replications: 2 };
    const spec = customers.build(makeScenario(long), makeResults(long));
    expect(dataValues(spec).length).toBe(3 * Math.ceil(451 / 7));
    expect(subtitle(spec)).toMatch(/Weekly means/);
    expect(dataValues(spec)[0]).toMatchObject({ strategy: 'Baseline', day: 3 });
    const logger = new CollectingLogger();
    await renderSvg(spec, logger);
    expect(logger.messages).toEqual([]);
  });
  it(`keep daily values up to ${WEEKLY_ABOVE_DAYS} days`, () => {
    const edge = { days: WEEKLY_ABOVE_DAYS, replications: 2 };
    const spec = customers.build(makeScenario(edge), makeResults(edge));
    expect(dataValues(spec).length).toBe(3 * (WEEKLY_ABOVE_DAYS + 1));
    expect(subtitle(spec)).not.toMatch(/Weekly/);
  });
});

describe('WOM chart', () => {
  const wom = CHARTS.find((c) => c.file === 'wom')!;
  it('uses weekly means from eight weeks on, and never draws a band below 0', () => {
    const opts = { days: 56, replications: 3 };
    const spec = wom.build(makeScenario(opts), makeResults(opts));
    expect(subtitle(spec)).toMatch(/Weekly means/);
    expect(dataValues(spec).length).toBe(3 * 2 * Math.ceil(57 / 7));
    expect(dataValues(spec).every((r) => (r.lo as number) >= 0)).toBe(true);
    expect(subtitle(wom.build(scenario, results))).not.toMatch(/Weekly/);
  });
});

describe('chart index', () => {
  it('lists unique file names', () => {
    expect(CHARTS.map((c) => c.file)).toEqual(['paired', 'tradeoff', 'comparison', 'customers', 'sector', 'nps', 'profit', 'complaints', 'wom', 'service', 'kpi-gap']);
  });
});

describe('many strategies', () => {
  const many = makeScenario({ strategies: 7 });
  const manyResults = makeResults({ strategies: 7 });

  it('time charts draw one panel per non-baseline strategy, each against the baseline and the others', async () => {
    type Lookup = { lookup: string; from: { data: { values: { panel: number; panelLabel: string }[] } } };
    const spec = CHARTS.find((c) => c.file === 'customers')!.build(many, manyResults) as unknown as { facet: { field: string; sort: unknown }; transform: (Lookup | object)[] };
    // Panels by position (labels stay data: a lookup table, never an expression), in scenario order.
    expect(spec.facet.field).toBe('panelLabel');
    expect(spec.facet.sort).toEqual({ field: 'panel', op: 'min' });
    const table = spec.transform.find((t): t is Lookup => 'lookup' in t)!.from.data.values;
    expect(table.map((p) => p.panelLabel)).toEqual(strategyLabels(many).slice(1));
    expect(table.map((p) => p.panel)).toEqual([1, 2, 3, 4, 5, 6]);
    const logger = new CollectingLogger();
    const svg = await renderSvg(spec as never, logger);
    expect(logger.messages).toEqual([]);
    const at = strategyLabels(many).slice(1).map((label) => svg.indexOf(`>${label.replaceAll('&', '&amp;')}<`));
    for (const i of at) expect(i).toBeGreaterThan(0);
    expect([...at].sort((a, b) => a - b)).toEqual(at); // panel headers drawn in scenario order
  });

  it('write every strategy name in full, however long (axes, labels, panel headers, legends)', async () => {
    const long = strategyLabels(many)[5];
    for (const chart of CHARTS.filter((c) => ['paired', 'tradeoff', 'customers', 'kpi-gap'].includes(c.file))) {
      const svg = await renderSvg(chart.build(many, manyResults));
      expect(svg, chart.file).toContain(long);
      expect(svg, chart.file).not.toContain('…');
    }
  }, 30_000);
});

describe('paired chart', () => {
  it('shows each non-baseline strategy × headline metric, filled when distinguishable from noise', () => {
    const spec = CHARTS.find((c) => c.file === 'paired')!.build(scenario, results);
    const rows = dataValues(spec);
    expect(rows).toHaveLength(2 * 4);
    expect(new Set(rows.map((r) => r.strategy))).toEqual(new Set(['Service recovery', 'Symbols of extremism']));
    // Fixture: final customers differ by (10s)·30 in every replication (distinguishable); CLV's paired difference averages 0.
    const customers = rows.find((r) => r.strategy === 'Service recovery' && String(r.metric).includes('active customers'))!;
    expect(customers).toMatchObject({ diff: 300, verdict: 'distinguishable' });
    const clv = rows.find((r) => r.strategy === 'Service recovery' && String(r.metric).includes('lifetime value'))!;
    expect(clv).toMatchObject({ diff: 0, verdict: 'within noise' });
    expect(String(clv.metric)).toContain('€ per customer');
  });
});

describe('paired chart: three kinds of dot', () => {
  it('draws distinguishable filled, suggestive pale and within noise open, each whisker as computed', async () => {
    const { pairedChart } = await import('../../src/outputs/charts/paired.js');
    const row = (metric: 'finalNps' | 'finalCustomers' | 'cumulativeProfit', lo: number, hi: number, distinguishable: boolean) =>
      ({ strategy: 'recovery', label: 'Service recovery', baseline: 'baseline', metric, metricLabel: metric, unit: '', meanDiff: (lo + hi) / 2, lo, hi, n: 3, p: NaN, pHolm: NaN, distinguishable });
    // NPS clear of 0 and distinguishable; customers clear of 0 alone only; profit across 0.
    const spec = pairedChart([row('finalNps', 2, 4, true), row('finalCustomers', 10, 30, false), row('cumulativeProfit', -5, 5, false)], scenario, 3);
    expect(dataValues(spec).map((r) => r.verdict)).toEqual(['distinguishable', 'suggestive', 'within noise']);
    const svg = await renderSvg(spec as never);
    const points = [...svg.matchAll(/<path[^>]*role="graphics-symbol"[^>]*aria-roledescription="point"[^>]*>/g)].map((m) => m[0]);
    const dots = points.filter((d) => d.includes('stroke-width="2.5"')); // the white discs under them have no stroke
    expect(dots).toHaveLength(3);
    expect(points).toHaveLength(6);
    const opacities = dots.map((d) => /fill-opacity="([\d.]+)"/.exec(d)?.[1] ?? '1').sort();
    expect(opacities).toEqual(['0.3', '1', '1']);
    expect(dots.filter((d) => /fill="#fff(fff)?"|fill="white"/.test(d))).toHaveLength(1); // the open one
  });
});

describe('trade-off chart', () => {
  it('places one point per strategy at its mean profit and NPS, labels apart', () => {
    const spec = CHARTS.find((c) => c.file === 'tradeoff')!.build(scenario, results);
    const rows = dataValues(spec);
    expect(rows.map((r) => r.strategy)).toEqual(strategyLabels(scenario));
    for (const r of rows) expect(r.xlo as number).toBeLessThanOrEqual(r.x as number);
  });
});

describe('charts for some scenarios only', () => {
  it('the sector chart comes with competitors (docs/MODEL.md §25), not without', async () => {
    const { chartsFor } = await import('../../src/outputs/charts/index.js');
    const plain = makeScenario();
    expect(chartsFor(plain.strategies.length, plain).map((c) => c.file)).not.toContain('sector');
    expect(chartsFor(plain.strategies.length).map((c) => c.file)).not.toContain('sector');
    const withRivals = { ...plain, strategies: plain.strategies.map((s) => ({ ...s, params: { ...s.params, competitors: { rest: { share: 0.5, pricePremium: 0, serviceQuality: 7, netAdvocacy: 0, acquisitionPerYear: 0 } } } })) };
    expect(chartsFor(withRivals.strategies.length, withRivals).map((c) => c.file)).toContain('sector');
  });
});
