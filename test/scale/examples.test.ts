/**
 * The cluster examples in docs/examples run as written, on this machine standing in for the
 * cluster: the Slurm array script once per task (SLURM_ARRAY_TASK_ID/COUNT set as Slurm sets
 * them) then the merge script; the Kubernetes Indexed Job's container command once per index
 * (JOB_COMPLETION_INDEX set), with `cxsim` on PATH as the image has it, then the merge Job's.
 * Sizes are made small through the scripts' variables (Slurm) or by shrinking the numbers in
 * the command (Kubernetes); the merged outputs must equal the unsharded sweep's, byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { BIN, cli, differingFiles, ROOT, show } from '../cli/helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'cxsim-examples-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const SCENARIO = join(tmp, 'scenarios', 'default.yaml');
mkdirSync(join(tmp, 'scenarios'));
writeFileSync(SCENARIO, ['name: Cluster example', 'seed: 8', 'days: 20', 'replications: 2', 'market: { size: 400, initialCustomers: 100 }', ''].join('\n'));
const EXAMPLES = join(ROOT, 'docs', 'examples');
const env = (extra: Record<string, string>) => ({ ...process.env, NO_COLOR: '1', ...extra });

/** The unsharded sweep the examples split, with the same settings, for comparison. */
async function whole(dir: string, args: string[]): Promise<void> {
  const r = await cli('sweep', SCENARIO, ...args, '--out', dir, '--quiet');
  expect(r.code, show(r)).toBe(0);
}

describe('docs/examples', () => {
  it('Slurm: the array script per task, then the merge script: the sweep, byte for byte', async () => {
    const shards = join(tmp, 'slurm-shards'), out = join(tmp, 'slurm-merged');
    const vars = { SCENARIO, SHARDS: shards, OUT: out, REPLICATIONS: '2', DAYS: '15', CXSIM: `${process.execPath} ${BIN}`, SLURM_ARRAY_TASK_COUNT: '3', SLURM_CPUS_PER_TASK: '1' };
    for (let k = 0; k < 3; k++) execFileSync('bash', [join(EXAMPLES, 'slurm', 'sweep.sbatch')], { cwd: ROOT, env: env({ ...vars, SLURM_ARRAY_TASK_ID: String(k) }), stdio: 'pipe' });
    execFileSync('bash', [join(EXAMPLES, 'slurm', 'merge.sbatch')], { cwd: ROOT, env: env(vars), stdio: 'pipe' });
    const script = readFileSync(join(EXAMPLES, 'slurm', 'sweep.sbatch'), 'utf8');
    const params = [...script.matchAll(/--param (\S+)/g)].flatMap((m) => ['--param', m[1]]);
    expect(params.length).toBe(4);
    await whole(join(tmp, 'slurm-whole'), [...params, '--replications', '2', '--days', '15']);
    expect(differingFiles(join(tmp, 'slurm-whole'), out)).toEqual(['runs.jsonl']);
  });

  it('Kubernetes: an Indexed Job whose pods run shard $JOB_COMPLETION_INDEX, then the merge Job: the sweep, byte for byte', async () => {
    const [job] = parseAllDocuments(readFileSync(join(EXAMPLES, 'kubernetes', 'sweep-job.yaml'), 'utf8')).map((d) => d.toJS());
    expect(job.kind).toBe('Job');
    expect(job.spec.completionMode).toBe('Indexed');
    const container = job.spec.template.spec.containers[0];
    const command: string = container.args[0];
    expect(Number(/--shard (\d+)/.exec(command)![1]), 'one shard per completion').toBe(job.spec.completions);
    expect(command).toContain('$JOB_COMPLETION_INDEX');
    // `cxsim` on PATH, as in the image; the cluster's paths become folders here, and 3 pods instead of 10.
    const bin = join(tmp, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'cxsim'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(bin, 'cxsim'), 0o755);
    const local = (s: string) => s.replaceAll('/work/scenarios/default.yaml', SCENARIO).replaceAll('/results', join(tmp, 'k8s')).replace('--shard 10', '--shard 3').replace('--replications 20', '--replications 2').replace('--workers 4', '--workers 1');
    const path = `${bin}:${process.env.PATH}`;
    for (let k = 0; k < 3; k++) execFileSync(container.command[0], [...container.command.slice(1), local(command)], { cwd: tmp, env: env({ PATH: path, JOB_COMPLETION_INDEX: String(k) }), stdio: 'pipe' });
    const [merge] = parseAllDocuments(readFileSync(join(EXAMPLES, 'kubernetes', 'merge-job.yaml'), 'utf8')).map((d) => d.toJS());
    const m = merge.spec.template.spec.containers[0];
    execFileSync(m.command[0], [...m.command.slice(1), local(m.args[0])], { cwd: tmp, env: env({ PATH: path }), stdio: 'pipe' });
    const params = [...command.matchAll(/--param (\S+)/g)].flatMap((x) => ['--param', x[1]]);
    await whole(join(tmp, 'k8s-whole'), [...params, '--replications', '2']);
    expect(differingFiles(join(tmp, 'k8s-whole'), join(tmp, 'k8s', 'sweep'))).toEqual(['runs.jsonl']);
  });
});
