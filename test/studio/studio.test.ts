/** The studio's pure parts: levers from the schema, what-if strategies, the YAML it offers, the address codec, and the bundle. */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiments/networkCache.js';
import { summaryRows } from '../../src/outputs/tables.js';
import { loadScenario, parseScenarioText } from '../../src/scenario/load.js';
import { candidateOf, tweakedYaml } from '../../src/studio/candidate.js';
import { diff, getPath, leversFor, withValues } from '../../src/studio/levers.js';
import { decodeState, encodeState, fromBase64Url, toBase64Url } from '../../src/studio/state.js';
import { readFileSync } from 'node:fs';
import { SCENARIO_TEXT } from '../browser/fixture.js';

const scenario = loadScenario('scenarios/default.yaml');

describe('leversFor', () => {
  const levers = leversFor(scenario.strategies[0].params);
  const by = (path: string) => levers.find((l) => l.path === path)!;

  it('offers every number with its schema range, whole numbers, switches and choices', () => {
    expect(by('service.employees')).toMatchObject({ kind: 'integer', min: 1, step: 1, section: 'service' });
    expect(by('journey.processQuality')).toMatchObject({ kind: 'number', min: 0, max: 1, sliderMin: 0, sliderMax: 1 });
    expect(by('service.autonomy')).toMatchObject({ kind: 'boolean' });
    expect(by('service.rewardScheme').options).toEqual(expect.arrayContaining(['financial', 'satisfaction']));
    expect(by('market.segments.price.share')).toMatchObject({ kind: 'number', max: 1 }); // named entries of records too
    expect(by('service.employees').doc).toMatch(/Default 2\./);
    expect(levers.length).toBeGreaterThan(150);
  });

  it('puts each current value inside its slider range, and each path leads to a value', () => {
    for (const l of levers) {
      const v = getPath(scenario.strategies[0].params, l.path);
      expect(v, l.path).not.toBeUndefined();
      if (l.kind === 'number' || l.kind === 'integer') {
        expect(l.sliderMin!, l.path).toBeLessThanOrEqual(v as number);
        expect(l.sliderMax!, l.path).toBeGreaterThanOrEqual(v as number);
      }
    }
  });
});

describe('candidateOf and tweakedYaml', () => {
  const text = readFileSync('scenarios/default.yaml', 'utf8');
  const w = { from: 'symbols', values: { 'symbols.costPerDay': 100, 'service.employees': 3 }, days: 60, replications: 2 };

  it('keeps a strategy as it is without changed levers', () => {
    const c = candidateOf(scenario, { ...w, values: {} });
    expect(c.tweaked).toBe(false);
    expect(c.candidate.name).toBe('symbols');
    expect(c.pair.strategies.map((s) => s.name)).toEqual(['baseline', 'symbols']);
  });

  it('makes a what-if strategy in the place (and colour) of the one it came from, validated like a file', () => {
    const c = candidateOf(scenario, w);
    expect(c.problems).toEqual([]);
    expect(c.candidate.name).toBe('symbols-studio');
    expect(c.candidate.params.symbols.costPerDay).toBe(100);
    expect(c.candidate.params.service.employees).toBe(3);
    expect(c.candidate.params.symbols.conversationValue).toBe(0.25); // the rest of the strategy is kept
    expect(c.display.strategies.map((s) => s.name).indexOf('symbols-studio')).toBe(scenario.strategies.findIndex((s) => s.name === 'symbols'));
    const bad = candidateOf(scenario, { ...w, values: { 'market.segments.price.share': 0.9 } });
    expect(bad.problems.join('\n')).toMatch(/segment shares sum to 1\.55, expected 1/);
  });

  it('writes YAML that keeps the file, validates, and resolves to the same parameters', () => {
    const c = candidateOf(scenario, w);
    const yaml = tweakedYaml(text, scenario, c);
    expect(yaml).toContain('# The default cxsim scenario'); // comments kept
    const back = parseScenarioText(yaml, 'tweaked.yaml');
    expect(back.days).toBe(60);
    expect(back.replications).toBe(2);
    expect(back.strategies.find((s) => s.name === 'symbols-studio')!.params).toEqual(c.candidate.params);
    expect(back.strategies.length).toBe(scenario.strategies.length + 1);
  });

  it('gives the studio the numbers compare gives for the YAML it offers (same engine, same seeds)', () => {
    const small = parseScenarioText(SCENARIO_TEXT, 'browser.yaml');
    const c = candidateOf(small, { from: 'promo', values: { 'acquisition.spendPerDay': 800 }, days: small.days, replications: 2 });
    const studio = summaryRows(c.pair, runScenario(c.pair));
    const file = parseScenarioText(tweakedYaml(SCENARIO_TEXT, small, c), 'tweaked.yaml');
    const pair = { ...file, strategies: file.strategies.filter((s) => ['baseline', 'promo-studio'].includes(s.name)) };
    expect(studio).toEqual(summaryRows(pair, runScenario(pair)));
  });
});

describe('levers helpers', () => {
  it('set paths on a copy and diff nested objects', () => {
    const a = { x: { y: 1, z: [1, 2] }, w: 'k' };
    const b = withValues(a, { 'x.y': 2 });
    expect(a.x.y).toBe(1);
    expect(diff(a, b)).toEqual({ x: { y: 2 } });
    expect(diff(a, withValues(a, { 'x.z': [1, 3] }))).toEqual({ x: { z: [1, 3] } });
    expect(diff(a, a)).toBeUndefined();
  });
});

describe('studio address', () => {
  it('round-trips the state, lever values typed', () => {
    const state = { scenario: 'default', from: 'symbols', values: { 'service.employees': 3, 'service.autonomy': true, 'service.style': 'personal' }, days: 90, replications: 7 };
    expect(decodeState(`#${encodeState(state)}`).state).toEqual({ ...state, file: undefined });
    expect(decodeState('#set=broken&set=a.b=notjson&days=-3').state).toEqual({ scenario: undefined, file: undefined, from: undefined, values: {}, days: undefined, replications: undefined });
  });
  it('carries bytes as base64url', () => {
    const bytes = Uint8Array.from([0, 250, 251, 252, 253, 254, 255, 62, 63]);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    expect(toBase64Url(bytes)).not.toMatch(/[+/=]/);
  });
});

describe('cxsim studio (command line)', () => {
  it('--build writes the static studio, the given scenario first', async () => {
    const { mkdtempSync, existsSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { cli, show } = await import('../cli/helpers.js');
    const dir = mkdtempSync(join(tmpdir(), 'cxsim-studio-cli-'));
    try {
      const built = await cli('studio', 'scenarios/insurer.yaml', '--build', join(dir, 'site'));
      expect(built.code, show(built)).toBe(0);
      for (const f of ['index.html', 'app.js', 'worker.js', 'scenarios.json', 'vendor/vega.min.js', 'vendor/vega-lite.min.js', 'vendor/vega-embed.min.js']) expect(existsSync(join(dir, 'site', f)), f).toBe(true);
      const served = JSON.parse(readFileSync(join(dir, 'site', 'scenarios.json'), 'utf8')) as { key: string }[];
      expect(served[0].key).toBe('insurer');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
