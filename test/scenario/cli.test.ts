/** The validate and schema commands, and the error reporting every command shares. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { command as validate } from '../../src/cli/commands/validate.js';
import { command as schema } from '../../src/cli/commands/schema.js';
import { reportError } from '../../src/cli/commands/handleErrors.js';
import { makeIo, type Io } from '../../src/cli/io.js';
import { UserError } from '../../src/scenario/errors.js';
import { scenarioJsonSchemaText } from '../../src/scenario/jsonSchema.js';

const dir = mkdtempSync(join(tmpdir(), 'cxsim-cli-'));
let stdout: string;
let stderr: string;
let io: Io;
const out = () => stdout.split('\n').slice(0, -1);
const err = () => stderr.split('\n').slice(0, -1);

beforeEach(() => {
  stdout = '';
  stderr = '';
  io = makeIo({ stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, argv: [] });
});

/** A command's handler called as main() would, errors reported as main() reports them. */
async function run(cmd: (io: Io) => { handler: (a: any) => void | Promise<void> }, args: object): Promise<number> {
  try {
    await cmd(io).handler({ _: [], $0: 'cxsim', ...args });
    return io.exitCode;
  } catch (e) {
    return reportError(io, e);
  }
}

describe('cxsim validate', () => {
  it('summarises a valid scenario', async () => {
    const file = join(dir, 'ok.yaml');
    writeFileSync(file, 'name: Demo\ndays: 90\nreplications: 1\nstrategies:\n  cheap: {}\n  premium: {}\n');
    const code = await run(validate, { scenario: file });
    const [line, size] = out();
    expect(line).toBe(`✓ ${file}: Demo, 3 strategies (baseline, cheap, premium), 90 days, 1 replication, market size 10000`);
    expect(size).toMatch(/^ {2}a compare of it: 3 runs, 2,700,000 person-days, memory up to about \d+ MiB/); // 3 × 10,000 × 90
    expect(code).toBe(0);
  });

  it('prints every problem to stderr and exits with 1, without a stack', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'name: x\njourney:\n  procesQuality: 0.9\n');
    const code = await run(validate, { scenario: file, days: 0 });
    expect(out()).toEqual([]);
    expect(err().join('\n')).toBe(`${file}: 2 problems\n  ${file}:3:3 journey.procesQuality: unknown key; did you mean \`processQuality\`?\n  ${file}     --days: expected a whole number ≥ 1, got 0`);
    expect(code).toBe(1);
  });
});

describe('cxsim schema', () => {
  it('writes the schema with --out', async () => {
    const file = join(dir, 'nested', 'schema.json');
    await run(schema, { out: file });
    expect(readFileSync(file, 'utf8')).toBe(scenarioJsonSchemaText());
  });

  it('prints it to stdout otherwise', async () => {
    await run(schema, {});
    expect(stdout).toBe(scenarioJsonSchemaText());
  });
});

describe('reportError', () => {
  it('prints a user error as one line', () => {
    const code = reportError(io, new UserError('no such strategy: cheep'));
    expect(err()).toEqual(['cxsim: no such strategy: cheep']);
    expect(code).toBe(1);
  });

  it('prints a file-system error on a user path as one line', () => {
    let e: unknown;
    try {
      readFileSync(join(dir, 'missing.txt'));
    } catch (x) {
      e = x;
    }
    reportError(io, e);
    expect(err()).toHaveLength(1);
    expect(err()[0]).toMatch(/^cxsim: ENOENT/);
  });

  it('hides the stack of unexpected errors unless CXSIM_DEBUG=1', () => {
    const boom = new TypeError('x is not a function\nmore');
    vi.stubEnv('CXSIM_DEBUG', '');
    reportError(io, boom);
    expect(err()).toEqual(['cxsim: unexpected error: x is not a function', 'run with CXSIM_DEBUG=1 for the stack trace']);
    stderr = '';
    vi.stubEnv('CXSIM_DEBUG', '1');
    reportError(io, boom);
    expect(stderr).toMatch(/^TypeError: x is not a function[\s\S]*at /);
    vi.unstubAllEnvs();
  });
});
