/**
 * The command line says what is wrong first: one or two lines, the error with its did-you-mean,
 * then where the help is; every flag's value checked by one mechanism as a user error (exit 1,
 * no "unexpected error"); metric names suggested; validate takes -r.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, show, STACK_FRAME } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'cxsim-usage-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const FILE = join(tmp, 's.yaml');
writeFileSync(FILE, 'name: Usage\ndays: 10\nreplications: 2\nmarket: { size: 300, initialCustomers: 50 }\n');

/** stderr must be exactly these lines. */
async function fails(args: string[], ...lines: string[]) {
  const r = await cli(...args);
  expect(r.code, show(r)).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(lines.map((l) => `${l}\n`).join(''));
  expect(r.stderr).not.toMatch(/unexpected error|Options:|Commands:/);
  expect(r.stderr).not.toMatch(STACK_FRAME);
}

describe('a typo in a command or flag: the error and its did-you-mean first, then where the help is', () => {
  it('commands', async () => {
    await fails(['compre', FILE], 'cxsim: unknown command `compre`; did you mean `compare`?', 'Run `cxsim --help` for the commands.');
    await fails(['frobnicate'], 'cxsim: unknown command `frobnicate` (commands: compare, run, sweep, sensitivity, calibrate, verdicts, report, studio, validate, schema, reproduce, merge, worker)', 'Run `cxsim --help` for the commands.');
    await fails([], 'cxsim: name a command, e.g. `cxsim compare scenarios/default.yaml` (commands: compare, run, sweep, sensitivity, calibrate, verdicts, report, studio, validate, schema, reproduce, merge, worker)', 'Run `cxsim --help` for the commands.');
  });

  it('options, values of a choice, missing values and arguments', async () => {
    await fails(['compare', FILE, '--replicatons', '3'], 'cxsim compare: unknown option `--replicatons`; did you mean `--replications`?', 'Run `cxsim compare --help` for its options.');
    await fails(['sweep', FILE, '--desing', 'lhs'], 'cxsim sweep: unknown option `--desing`; did you mean `--design`?', 'Run `cxsim sweep --help` for its options.');
    await fails(['sensitivity', FILE, '-p', 'a.b=0:1', '--method', 'sobbol'], 'cxsim sensitivity: --method: expected morris or sobol, got sobbol; did you mean `sobol`?', 'Run `cxsim sensitivity --help` for its options.');
    await fails(['compare', FILE, '--out'], 'cxsim compare: `--out` needs a value', 'Run `cxsim compare --help` for its options.');
    await fails(['compare'], 'cxsim compare: name a scenario file, e.g. scenarios/default.yaml', 'Run `cxsim compare --help` for its options.');
    await fails(['compare', FILE, 'other.yaml'], 'cxsim compare: unexpected argument `other.yaml`', 'Run `cxsim compare --help` for its options.');
  });

  it('--help still prints the help, on stdout, with exit 0', async () => {
    const r = await cli('compare', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('cxsim compare <scenario>');
    expect(r.stdout).toContain('--workers');
    expect(r.stderr).toBe('');
  });
});

describe('numeric flags: one rule each, wrong values are user errors', () => {
  it.each([
    [['compare', FILE, '--workers', '0'], 'compare', '--workers: expected a whole number ≥ 1, got 0'],
    [['compare', FILE, '-w', 'two'], 'compare', '--workers: expected a whole number ≥ 1, got two'],
    [['compare', FILE, '--seed', '-1'], 'compare', '--seed: expected a whole number between 0 and 9007199254740991, got -1'],
    [['compare', FILE, '--days', '1.5'], 'compare', '--days: expected a whole number ≥ 1, got 1.5'],
    [['compare', FILE, '-r', '2', '-r', '3'], 'compare', '--replications is given 2 times (2, 3); give it once'],
    [['sweep', FILE, '-p', 'journey.processQuality=0:1', '--design', 'lhs', '--points', '1.5'], 'sweep', '--points: expected a whole number ≥ 1, got 1.5'],
    [['sweep', FILE, '-p', 'journey.processQuality=0:1', '--levels', '0'], 'sweep', '--levels: expected a whole number ≥ 1, got 0'],
    [['sweep', FILE, '-p', 'journey.processQuality=0:1', '--levels', '-3'], 'sweep', '--levels: expected a whole number ≥ 1, got -3'],
    [['sensitivity', FILE, '-p', 'journey.processQuality=0.9:1', '--levels', '3'], 'sensitivity', '--levels: expected an even whole number ≥ 2, got 3'],
    [['sensitivity', FILE, '-p', 'journey.processQuality=0.9:1', '--trajectories', '1'], 'sensitivity', '--trajectories: expected a whole number ≥ 2, got 1'],
    [['calibrate', FILE, '-p', 'journey.processQuality=0.9:1', '-t', 'finalNps=10', '--max-evals', '0'], 'calibrate', '--max-evals: expected a whole number ≥ 2, got 0'],
    [['validate', FILE, '--days', '0'], 'validate', '--days: expected a whole number ≥ 1, got 0'],
  ])('%j', async (args, command, message) => {
    await fails(args, `cxsim ${command}: ${message}`, `Run \`cxsim ${command} --help\` for its options.`);
  });

  it('validate takes -r like the other commands', async () => {
    const r = await cli('validate', FILE, '-r', '7');
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`✓ ${FILE}: Usage, 1 strategy (baseline), 10 days, 7 replications, market size 300`);
    expect(r.stdout).toContain('a compare of it: 7 runs, 21,000 person-days'); // 7 replications × 300 people × 10 days
  });
});

describe('metric names', () => {
  it('an unknown metric suggests what was probably meant, by spelling or by meaning', async () => {
    const sweep = (metric: string) => cli('sweep', FILE, '-p', 'journey.processQuality=0.9,1', '-m', metric, '-o', join(tmp, 'm'));
    // Up to three, by name or description: finalNps first, then other NPS metrics of the catalogue.
    expect((await sweep('nps')).stderr).toMatch(/^cxsim: unknown metric `nps`; did you mean `finalNps`((, `\w*[Nn]ps\w*`)* or `\w*[Nn]ps\w*`)?\? \(metrics: finalNps, /);
    expect((await sweep('profit')).stderr).toMatch(/^cxsim: unknown metric `profit`; did you mean `cumulativeProfit`\? /);
    expect((await sweep('finalSatisfation')).stderr).toMatch(/^cxsim: unknown metric `finalSatisfation`; did you mean `finalSatisfaction`\? /);
    const calibrate = await cli('calibrate', FILE, '-p', 'journey.processQuality=0.9:1', '-t', 'satisfaction=7', '-o', join(tmp, 'm'));
    expect(calibrate.stderr).toMatch(/^cxsim: unknown metric `satisfaction`; did you mean `finalSatisfaction`((, `\w*[Ss]atisfaction\w*`)* or `\w*[Ss]atisfaction\w*`)?\? /);
  });
});

describe('help', () => {
  it('shows each example as a whole command line with its description below, within 80 columns', async () => {
    const r = await cli('--help');
    expect(r.code, show(r)).toBe(0);
    const lines = r.stdout.split('\n');
    const examples = lines.slice(lines.indexOf('Examples:') + 1).filter((l) => l.trim() !== '');
    expect(examples.length).toBe(14); // 7 commands, 7 descriptions
    examples.forEach((line, k) => {
      expect(line.length, line).toBeLessThanOrEqual(80);
      expect(line.startsWith(k % 2 === 0 ? '  cxsim ' : '      '), line).toBe(true);
    });
  });
});
