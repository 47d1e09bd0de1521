/**
 * `cxsim reproduce` re-runs every kind of manifest with the command that wrote it —
 * sensitivity and calibrate included — and finds every output byte-identical.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, show, type CliResult } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'cxsim-reproduce-'));
const scenario = join(dir, 's.yaml');
let sensitivity: CliResult, calibration: CliResult, draft: CliResult;

beforeAll(async () => {
  writeFileSync(scenario, ['# a comment that calibrated.yaml keeps', 'name: Reproduce', 'days: 20', 'replications: 2', 'market: { size: 400, initialCustomers: 100 }', ''].join('\n'));
  await Promise.all([
    cli('sensitivity', scenario, '-p', 'journey.processQuality=0.97:0.999', '-p', 'acquisition.spendPerDay=0:400', '--trajectories', '2', '-q', '-o', join(dir, 'sens')),
    cli('calibrate', scenario, '-p', 'journey.processQuality=0.95:0.999', '-t', 'finalSatisfaction=7.3', '--max-evals', '8', '--seed', '5', '-q', '-o', join(dir, 'cal')),
  ]);
  // The draft a run writes before its outputs: the same manifest, listing no files yet.
  const draftPath = join(dir, 'draft.json');
  writeFileSync(draftPath, JSON.stringify({ ...JSON.parse(readFileSync(join(dir, 'sens', 'manifest.json'), 'utf8')), files: [] }));
  [sensitivity, calibration, draft] = await Promise.all([
    cli('reproduce', join(dir, 'sens', 'manifest.json')),
    cli('reproduce', join(dir, 'cal', 'manifest.json')),
    cli('reproduce', draftPath, '-o', join(dir, 'draft-out')),
  ]);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cxsim reproduce', () => {
  it('re-runs a sensitivity manifest byte for byte', () => {
    expect(sensitivity.code, show(sensitivity)).toBe(0);
    expect(sensitivity.stdout).toMatch(/all \d+ files reproduced byte for byte/);
  });

  it('re-runs a calibration manifest byte for byte, calibrated.yaml (from the recorded source and --seed) included', () => {
    expect(calibration.code, show(calibration)).toBe(0);
    expect(calibration.stdout).toMatch(/all 5 files reproduced byte for byte/);
  });

  it('refuses a draft manifest (a run stopped before its outputs) on one line instead of reporting every file as different', () => {
    expect(draft.code).toBe(1);
    expect(draft.stderr).toMatch(/draft\.json lists no output files: the run that wrote it did not finish/);
    expect(draft.stderr).not.toMatch(/\n\s+at /);
  });
});
