/** The sweep chart: which view each number of parameters gets, rendered without Vega warnings. */
import { describe, expect, it } from 'vitest';
import { sweep } from '../../src/experiments/sweep.js';
import { sweepChart } from '../../src/outputs/charts/sweep.js';
import { CollectingLogger, renderSvg } from '../../src/outputs/render.js';
import { tinyScenario } from './helpers.js';

const scenario = tinyScenario({ days: 10 });

async function chart(parameters: Record<string, unknown>, design: 'grid' | 'lhs' = 'grid') {
  const result = await sweep(scenario, { parameters: parameters as never, design, points: 4 }, { workers: 1 });
  const spec = sweepChart(result, 'finalCustomers');
  const logger = new CollectingLogger();
  const svg = await renderSvg(spec, logger);
  return { spec: spec as unknown as Record<string, unknown>, json: JSON.stringify(spec), svg, messages: logger.messages };
}

describe('sweep chart', () => {
  it('one parameter: mean line with a 95% band, the parameter on x', async () => {
    const c = await chart({ 'journey.processQuality': [0.97, 0.98, 0.99] });
    expect(c.json).toContain('"area"');
    expect(c.json).toContain('"title":"journey.processQuality"');
    expect(c.svg).toContain('<svg');
    expect(c.messages).toEqual([]);
  });

  it('two parameters on a grid: a heat map of the mean; scattered designs: coloured points', async () => {
    const grid = await chart({ 'journey.processQuality': [0.97, 0.99], 'acquisition.spendPerDay': [0, 500] });
    expect(grid.json).toContain('"rect"');
    expect(grid.json).toContain('"scheme":"viridis"');
    expect(grid.messages).toEqual([]);
    const lhs = await chart({ 'journey.processQuality': { min: 0.95, max: 1 }, 'acquisition.spendPerDay': { min: 0, max: 500 } }, 'lhs');
    expect(lhs.json).toContain('"circle"');
    expect(lhs.messages).toEqual([]);
  });

  it('more parameters: one panel per parameter on a shared y scale, text parameters on an ordinal axis', async () => {
    const c = await chart({ 'journey.frustrationRate': { min: 0, max: 0.1 }, 'market.size': { min: 300, max: 600 }, 'wom.network.type': ['wattsStrogatz', 'fullyMixed'] }, 'lhs');
    expect((c.spec.concat as unknown[]).length).toBe(3);
    expect(c.json).toContain('"type":"ordinal"');
    expect(c.messages).toEqual([]);
  });

  it('renders the same bytes twice in one process (gradient ids are reset)', async () => {
    const a = await chart({ 'journey.processQuality': [0.97, 0.99], 'acquisition.spendPerDay': [0, 500] });
    const b = await chart({ 'journey.processQuality': [0.97, 0.99], 'acquisition.spendPerDay': [0, 500] });
    expect(a.svg).toBe(b.svg);
  });
});
