/**
 * Golden files for determinism. `cxsim compare test/golden/data/small.yaml` runs twice into two
 * temp folders, once as a real process (bin/cxsim.js) and once in this one: every file must be byte-identical. The outputs are pinned by committed files a
 * reviewer can read (test/golden/data/):
 *   summary.csv          the run's summary table, byte for byte;
 *   metrics-sample.csv   every metric on days 0, 10, …, 60 of every strategy and replication;
 *   golden.json          the manifest's scenarioHash and the SHA-256 of every column of the full
 *                        metrics.csv, so every number is pinned, column by column: a mechanism
 *                        that adds a metric adds a column without disturbing the others.
 *
 * When the model changes ON PURPOSE (new mechanism, different defaults, a fixed bug, a change
 * of random-number consumption), regenerate:
 *
 *     UPDATE_GOLDEN=1 npx vitest run test/golden
 *
 * then review the diff of test/golden/data/ and commit it with the reason. An optimisation of
 * the engine that keeps the random-number consumption must NOT need this.
 *
 * SVGs depend on font metrics vega estimates without canvas: deterministic on one machine, so they
 * are compared between the two runs but not pinned.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_FILES, cli, differingFiles, listFiles, ROOT, sha256File, show, spawnCli, type CliResult } from '../cli/helpers.js';

const SCENARIO = 'test/golden/data/small.yaml';
const DATA = join(ROOT, 'test/golden/data');
const GOLDEN = join(DATA, 'golden.json');
const UPDATE_COMMAND = 'UPDATE_GOLDEN=1 npx vitest run test/golden';
const SAMPLE_EVERY = 10;
const OTHER_SEED = '424243';

interface Golden {
  _comment: string;
  command: string;
  scenarioHash: string;
  /** SHA-256 of each metrics.csv column (its values, one per line). */
  columns: Record<string, string>;
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
    spawnCli('compare', SCENARIO, '--out', dirA, '--quiet'),
    cli('compare', SCENARIO, '--out', dirB, '--quiet'),
    cli('compare', SCENARIO, '--seed', OTHER_SEED, '--out', dirSeed, '--quiet'),
  ]);
}, 300_000);

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

/** metrics.csv as a header and rows of cells. */
function readCsv(path: string): { header: string[]; rows: string[][] } {
  const [head, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  return { header: head.split(','), rows: lines.map((l) => l.split(',')) };
}

/** What golden.json pins, computed from an output folder. */
function actualGolden(dir: string): Golden {
  const { header, rows } = readCsv(join(dir, 'metrics.csv'));
  const columns: Record<string, string> = {};
  header.forEach((name, k) => { columns[name] = createHash('sha256').update(rows.map((r) => r[k]).join('\n')).digest('hex'); });
  return {
    _comment: `SHA-256 of every column of the metrics.csv of \`cxsim compare ${SCENARIO}\`, checked by test/golden/determinism.test.ts with summary.csv and metrics-sample.csv. Regenerate only when the model changes on purpose: ${UPDATE_COMMAND}`,
    command: `cxsim compare ${SCENARIO}`,
    scenarioHash: manifest(dir).scenarioHash,
    columns,
  };
}

/** Every SAMPLE_EVERY-th day of metrics.csv (day 0 included), as CSV text. */
function sample(dir: string): string {
  const text = readFileSync(join(dir, 'metrics.csv'), 'utf8').trimEnd().split('\n');
  const day = text[0].split(',').indexOf('day');
  return [text[0], ...text.slice(1).filter((l) => Number(l.split(',')[day]) % SAMPLE_EVERY === 0)].join('\n') + '\n';
}

describe('determinism', () => {
  it('both runs exit 0', () => {
    expect(runA.code, show(runA)).toBe(0);
    expect(runB.code, show(runB)).toBe(0);
    expect(runSeed.code, show(runSeed)).toBe(0);
  });

  it('two runs of the same scenario and seed give byte-identical files, SVGs included', () => {
    const files = listFiles(dirA);
    expect(files).toEqual(['manifest.json', 'metrics.csv', 'metrics.parquet', 'summary.csv', 'summary.parquet', 'paired.csv', 'paired.parquet', 'runs.csv', 'runs.parquet', 'segments.csv', 'segments.parquet', 'segmentRuns.csv', 'segmentRuns.parquet', 'datapackage.json', 'report.html', ...CHART_FILES].sort());
    expect(listFiles(dirB)).toEqual(files);
    expect(differingFiles(dirA, dirB), 'files that differ between two identical runs').toEqual([]);
  });

  it(`summary.csv, metrics.csv (column by column) and the scenarioHash match the goldens (update on purpose with: ${UPDATE_COMMAND})`, () => {
    const actual = actualGolden(dirA);
    if (process.env.UPDATE_GOLDEN === '1') {
      writeFileSync(GOLDEN, JSON.stringify(actual, null, 2) + '\n');
      writeFileSync(join(DATA, 'summary.csv'), readFileSync(join(dirA, 'summary.csv')));
      writeFileSync(join(DATA, 'metrics-sample.csv'), sample(dirA));
      console.warn(`UPDATE_GOLDEN=1: wrote ${DATA}/golden.json, summary.csv and metrics-sample.csv; review the diff and commit it.`);
      return;
    }
    expect(existsSync(GOLDEN), `${GOLDEN} is missing; create it with: ${UPDATE_COMMAND}`).toBe(true);
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Golden;
    const differing: string[] = [];
    if (golden.scenarioHash !== actual.scenarioHash) differing.push(`manifest scenarioHash: golden ${golden.scenarioHash}, now ${actual.scenarioHash}`);
    for (const [name, hash] of Object.entries(golden.columns))
      if (actual.columns[name] !== hash) differing.push(actual.columns[name] === undefined ? `metrics.csv column ${name}: missing` : `metrics.csv column ${name}: values differ`);
    for (const name of Object.keys(actual.columns)) if (golden.columns[name] === undefined) differing.push(`metrics.csv column ${name}: new, not pinned yet (the other columns are unchanged)`);
    if (readFileSync(join(DATA, 'summary.csv'), 'utf8') !== readFileSync(join(dirA, 'summary.csv'), 'utf8')) differing.push('summary.csv differs from test/golden/data/summary.csv');
    // The readable sample: cell by cell on the columns it has.
    const committed = readCsv(join(DATA, 'metrics-sample.csv'));
    const now = sample(dirA).trimEnd().split('\n').map((l) => l.split(','));
    const index = now[0];
    committed.rows.forEach((row, r) =>
      committed.header.forEach((name, k) => {
        const cell = now[r + 1]?.[index.indexOf(name)];
        if (cell !== row[k]) differing.push(`metrics-sample.csv row ${r + 2} ${name}: golden ${row[k]}, now ${cell}`);
      }),
    );
    const message = [
      `cxsim outputs of ${SCENARIO} differ from the goldens in test/golden/data/:`,
      ...differing.slice(0, 30).map((d) => `  ${d}`),
      'If the simulation was meant to change (model or scenario change, not an optimisation), update the goldens with:',
      `  ${UPDATE_COMMAND}`,
      'and commit test/golden/data/ with the reason.',
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
