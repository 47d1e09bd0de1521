/**
 * Golden files for determinism. `cxsim compare test/golden/data/small.yaml` runs twice into two
 * temp folders: every file must be byte-identical, and the SHA-256 of metrics.csv and summary.csv
 * (and the manifest's scenarioHash) must match the committed test/golden/data/golden.json.
 *
 * When the model changes ON PURPOSE (new mechanism, different defaults, a fixed bug), regenerate:
 *
 *     UPDATE_GOLDEN=1 npx vitest run test/golden
 *
 * then review and commit test/golden/data/golden.json. An optimisation of the engine must NOT
 * need this: it must reproduce the goldens exactly.
 *
 * SVGs depend on font metrics vega estimates without canvas: deterministic on one machine, so they
 * are compared between the two runs but not pinned in golden.json.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_FILES, cli, differingFiles, listFiles, ROOT, sha256File, show, type CliResult } from '../cli/helpers.js';

const SCENARIO = 'test/golden/data/small.yaml';
const GOLDEN = join(ROOT, 'test/golden/data/golden.json');
const UPDATE_COMMAND = 'UPDATE_GOLDEN=1 npx vitest run test/golden';
const PINNED = ['metrics.csv', 'summary.csv'] as const;
const OTHER_SEED = '424243';

interface Golden {
  _comment: string;
  command: string;
  scenarioHash: string;
  files: Record<string, string>;
}

const tmp = mkdtempSync(join(tmpdir(), 'cxsim-golden-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const dirA = join(tmp, 'a');
const dirB = join(tmp, 'b');
const dirSeed = join(tmp, 'other-seed');

let runA: CliResult;
let runB: CliResult;
let runSeed: CliResult;

beforeAll(async () => {
  [runA, runB, runSeed] = await Promise.all([
    cli('compare', SCENARIO, '--out', dirA, '--quiet'),
    cli('compare', SCENARIO, '--out', dirB, '--quiet'),
    cli('compare', SCENARIO, '--seed', OTHER_SEED, '--out', dirSeed, '--quiet'),
  ]);
}, 300_000);

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

/** What golden.json pins, computed from an output folder. */
function actualGolden(dir: string): Golden {
  return {
    _comment: `SHA-256 of the outputs of \`cxsim compare ${SCENARIO}\`, checked by test/golden/determinism.test.ts. Regenerate only when the model changes on purpose: ${UPDATE_COMMAND}`,
    command: `cxsim compare ${SCENARIO}`,
    scenarioHash: manifest(dir).scenarioHash,
    files: Object.fromEntries(PINNED.map((f) => [f, sha256File(join(dir, f))])),
  };
}

describe('determinism', () => {
  it('both runs exit 0', () => {
    expect(runA.code, show(runA)).toBe(0);
    expect(runB.code, show(runB)).toBe(0);
    expect(runSeed.code, show(runSeed)).toBe(0);
  });

  it('two runs of the same scenario and seed give byte-identical files, SVGs included', () => {
    const files = listFiles(dirA);
    expect(files).toEqual(['manifest.json', 'metrics.csv', 'paired.csv', 'report.html', 'summary.csv', ...CHART_FILES].sort());
    expect(listFiles(dirB)).toEqual(files);
    expect(differingFiles(dirA, dirB), 'files that differ between two identical runs').toEqual([]);
  });

  it(`metrics.csv, summary.csv and the scenarioHash match the goldens (update on purpose with: ${UPDATE_COMMAND})`, () => {
    const actual = actualGolden(dirA);
    // The pinned hashes are the ones the manifest records.
    for (const f of PINNED) expect(manifest(dirA).files.find((x: { path: string }) => x.path === f)?.sha256, f).toBe(actual.files[f]);

    if (process.env.UPDATE_GOLDEN === '1') {
      writeFileSync(GOLDEN, JSON.stringify(actual, null, 2) + '\n');
      console.warn(`UPDATE_GOLDEN=1: wrote ${GOLDEN}; review the diff and commit it.`);
      return;
    }
    expect(existsSync(GOLDEN), `${GOLDEN} is missing; create it with: ${UPDATE_COMMAND}`).toBe(true);
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Golden;
    const differing: string[] = [];
    if (golden.scenarioHash !== actual.scenarioHash) differing.push(`manifest scenarioHash: golden ${golden.scenarioHash}, now ${actual.scenarioHash}`);
    for (const f of PINNED) if (golden.files?.[f] !== actual.files[f]) differing.push(`${f}: golden ${golden.files?.[f]}, now ${actual.files[f]}`);
    const message = [
      `cxsim outputs of ${SCENARIO} differ from the goldens in test/golden/data/golden.json:`,
      ...differing.map((d) => `  ${d}`),
      'If the simulation was meant to change (model or scenario change, not an optimisation), update the goldens with:',
      `  ${UPDATE_COMMAND}`,
      'and commit test/golden/data/golden.json.',
    ].join('\n');
    expect(differing, message).toEqual([]);
  });

  it('a different --seed gives a different metrics.csv', () => {
    expect(manifest(dirSeed).seed).toBe(Number(OTHER_SEED));
    expect(sha256File(join(dirSeed, 'metrics.csv'))).not.toBe(sha256File(join(dirA, 'metrics.csv')));
    // Same shape, different numbers: the seed reached the simulation, not just the manifest.
    const lines = (dir: string) => readFileSync(join(dir, 'metrics.csv'), 'utf8').split('\n');
    const [a, s] = [lines(dirA), lines(dirSeed)];
    expect(s.length).toBe(a.length);
    expect(s[0]).toBe(a[0]);
    expect(s.filter((line, i) => line !== a[i]).length).toBeGreaterThan(a.length / 2);
  });
});
