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
    expect(subtitle(spec)).toContain('Mean of 3 replications');
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
    expect(CHARTS.map((c) => c.file)).toEqual(['customers', 'nps', 'profit', 'comparison', 'complaints', 'wom', 'service', 'kpi-gap']);
  });
});
