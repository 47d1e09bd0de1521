/** Good scenario files: defaults, JSON, strategies merged over the baseline, manifests, files on disk and run options. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenarioText } from '../../src/scenario/load.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { paramsSchema } from '../../src/scenario/schema.js';
import { FILE, lines, onlyProblem, problemsOf } from './helpers.js';

const defaults = paramsSchema.parse({});

describe('loading', () => {
  it('a minimal scenario gets every default', () => {
    const s = parseScenarioText('name: x\n', FILE);
    expect(s).toEqual({
      name: 'x',
      description: '',
      seed: 1,
      days: 365,
      replications: 5,
      strategies: [{ name: 'baseline', label: 'Baseline', description: '', params: defaults }],
    });
    expect(s.strategies[0].params.market.segments.price.share).toBe(0.35);
    expect(Object.keys(s.strategies[0].params.journey.touchpoints)).toEqual(['buy', 'deliver', 'use', 'bill']);
  });

  it('JSON works too', () => {
    const json = JSON.stringify({ name: 'json', days: 30, journey: { processQuality: 0.95 }, strategies: { better: { journey: { processQuality: 0.99 } } } }, null, '\t');
    const s = parseScenarioText(json, 'scenarios/x.json');
    expect(s.days).toBe(30);
    expect(s.strategies.map((st) => st.params.journey.processQuality)).toEqual([0.95, 0.99]);
  });

  it('JSON problems carry positions as well', () => {
    const p = onlyProblem('{\n  "name": "json",\n  "journey": {"processQuality": 1.5}\n}\n');
    expect(p).toMatchObject({ line: 3, column: 33, path: 'journey.processQuality' });
  });

  it('a strategy overrides one setting and takes the rest from the baseline', () => {
    const s = parseScenarioText(
      lines(
        'name: merge',
        'journey:',
        '  processQuality: 0.95',
        '  frustrationRate: 0.1',
        'market:',
        '  segments:',
        '    a: {share: 0.5, talkativeness: 2}',
        '    b: {share: 0.5}',
        'strategies:',
        '  fewerFrustrations:',
        '    label: Fewer frustrations',
        '    description: Remove small irritations',
        '    journey: {frustrationRate: 0.02}',
        '    market:',
        '      segments:',
        '        a: {asExpectedScore: 8}',
      ),
      FILE,
    );
    const [base, strat] = s.strategies;
    expect(strat).toMatchObject({ name: 'fewerFrustrations', label: 'Fewer frustrations', description: 'Remove small irritations' });
    expect(strat.params.journey).toEqual({ ...base.params.journey, frustrationRate: 0.02 });
    expect(strat.params.market.segments.a).toEqual({ ...base.params.market.segments.a, asExpectedScore: 8 });
    expect(strat.params.market.segments.a.talkativeness).toBe(2);
    expect(strat.params.market.segments.b).toEqual(base.params.market.segments.b);
    expect({ ...strat.params, journey: base.params.journey, market: base.params.market }).toEqual(base.params);
  });

  it('strategies keep file order (baseline first)', () => {
    const s = parseScenarioText(lines('name: x', 'strategies:', '  zeta: {}', '  y2024: {}', '  alpha: {label: A}'), FILE);
    expect(s.strategies.map((st) => st.name)).toEqual(['baseline', 'zeta', 'y2024', 'alpha']);
    expect(s.strategies.map((st) => st.label)).toEqual(['Baseline', 'zeta', 'y2024', 'A']);
  });

  it('rejects a strategy name that does not start with a letter (JS objects would reorder all-digit keys)', () => {
    expect(() => parseScenarioText(lines('name: x', 'strategies:', '  2024: {}'), FILE)).toThrow(/strategies\.2024: invalid name "2024": a strategy name starts with a letter/);
  });

  it('the baseline entry may set label and description', () => {
    const s = parseScenarioText(lines('name: x', 'baselineLabel: Ignored', 'strategies:', '  baseline: {label: Today, description: As is}'), FILE);
    expect(s.strategies[0]).toMatchObject({ name: 'baseline', label: 'Today', description: 'As is' });
  });

  it('a manifest re-runs its scenario', () => {
    const text = lines('cxsimManifest: 1', 'createdAt: "2024-01-01"', 'scenario:', '  name: from manifest', '  days: 10', '  strategies:', '    s: {trust: {initial: 0.6}}');
    const s = parseScenarioText(text, 'output/run/manifest.yaml');
    expect(s.name).toBe('from manifest');
    expect(s.strategies[1].params.trust.initial).toBe(0.6);
  });

  it('manifest problems point into its scenario section', () => {
    const p = onlyProblem(lines('cxsimManifest: 1', 'scenario:', '  name: m', '  journey:', '    processQuality: 2'));
    expect(p).toMatchObject({ line: 5, column: 21, path: 'journey.processQuality' });
  });

  it('a manifest without a scenario', () => {
    expect(onlyProblem('cxsimManifest: 1\n').message).toMatch(/no `scenario` section/);
  });

  it('the $schema key is allowed', () => {
    expect(parseScenarioText(lines('$schema: ./cxsim.schema.json', 'name: x'), FILE).name).toBe('x');
  });
});

describe('files and run options', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cxsim-load-'));

  it('loads a file from disk', () => {
    const file = join(dir, 'ok.yaml');
    writeFileSync(file, 'name: on disk\nreplications: 3\n');
    expect(loadScenario(file).replications).toBe(3);
  });

  it('a missing file is a ScenarioError, not a crash', () => {
    const file = join(dir, 'nope.yaml');
    expect(() => loadScenario(file)).toThrow(ScenarioError);
    try {
      loadScenario(file);
    } catch (e) {
      expect((e as ScenarioError).problems).toEqual([{ file, line: 0, column: 0, path: '', message: 'file not found' }]);
      expect((e as ScenarioError).format()).toBe(`${file}: 1 problem\n  ${file} file not found`);
    }
  });

  it('a missing file whose name is a typo of one beside it suggests that one', () => {
    writeFileSync(join(dir, 'default.yaml'), 'name: beside\n');
    const typo = join(dir, 'defualt.yaml');
    expect(() => loadScenario(typo)).toThrow(`${typo} file not found; did you mean \`${join(dir, 'default.yaml')}\`?`);
  });

  it('a folder is a ScenarioError too', () => {
    expect(() => loadScenario(dir)).toThrow(/folder, not a scenario file/);
  });

  it('seed, days and replications options override the file', () => {
    const s = parseScenarioText('name: x\nseed: 4\ndays: 100\n', FILE, { seed: 0, days: 7, replications: 2 });
    expect([s.seed, s.days, s.replications]).toEqual([0, 7, 2]);
  });

  it('bad options are reported with the file problems', () => {
    const ps = problemsOf('name: x\nseed: -1\n', { seed: 1.5, days: 0, replications: Number.NaN });
    expect(ps.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'seed: expected a whole number ≥ 0, got -1',
      '--seed: expected a whole number ≥ 0, got 1.5',
      '--days: expected a whole number ≥ 1, got 0',
      '--replications: expected a whole number ≥ 1, got NaN',
    ]);
  });
});
