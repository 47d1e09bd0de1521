/** The validate and schema commands, and the friendly error wrapper other commands reuse. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { command as validate } from '../../src/cli/commands/validate.js';
import { command as schema } from '../../src/cli/commands/schema.js';
import { withFriendlyErrors } from '../../src/cli/commands/handleErrors.js';
import { UserError } from '../../src/scenario/errors.js';
import { scenarioJsonSchemaText } from '../../src/scenario/jsonSchema.js';

const dir = mkdtempSync(join(tmpdir(), 'cxsim-cli-'));
let out: string[];
let err: string[];

beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  process.exitCode = undefined;
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

const run = (cmd: { handler: (a: any) => void | Promise<void> }, args: object) => cmd.handler({ _: [], $0: 'cxsim', ...args });

describe('cxsim validate', () => {
  it('summarises a valid scenario', async () => {
    const file = join(dir, 'ok.yaml');
    writeFileSync(file, 'name: Demo\ndays: 90\nreplications: 1\nstrategies:\n  cheap: {}\n  premium: {}\n');
    await run(validate, { scenario: file });
    expect(out).toEqual([`✓ ${file}: Demo, 3 strategies (baseline, cheap, premium), 90 days, 1 replication, market size 10000`]);
    expect(process.exitCode).toBeUndefined();
  });

  it('prints every problem to stderr and exits with 1, without a stack', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'name: x\njourney:\n  procesQuality: 0.9\n');
    await run(validate, { scenario: file, days: 0 });
    expect(out).toEqual([]);
    expect(err.join('\n')).toBe(`${file}: 2 problems\n  ${file}:3:3 journey.procesQuality: unknown key; did you mean \`processQuality\`?\n  ${file}     --days: expected a whole number ≥ 1, got 0`);
    expect(process.exitCode).toBe(1);
  });
});

describe('cxsim schema', () => {
  it('writes the schema with --out', async () => {
    const file = join(dir, 'nested', 'schema.json');
    await run(schema, { out: file });
    expect(readFileSync(file, 'utf8')).toBe(scenarioJsonSchemaText());
  });

  it('prints it to stdout otherwise', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    await run(schema, {});
    expect(write).toHaveBeenCalledWith(scenarioJsonSchemaText());
  });
});

describe('withFriendlyErrors', () => {
  it('prints a user error as one line', async () => {
    await withFriendlyErrors(() => {
      throw new UserError('no such strategy: cheep');
    })();
    expect(err).toEqual(['cxsim: no such strategy: cheep']);
    expect(process.exitCode).toBe(1);
  });

  it('prints a file-system error on a user path as one line', async () => {
    await withFriendlyErrors(() => void readFileSync(join(dir, 'missing.txt')))();
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^cxsim: ENOENT/);
  });

  it('hides the stack of unexpected errors unless CXSIM_DEBUG=1', async () => {
    const boom = withFriendlyErrors(async () => {
      throw new TypeError('x is not a function\nmore');
    });
    vi.stubEnv('CXSIM_DEBUG', '');
    await boom();
    expect(err).toEqual(['cxsim: unexpected error: x is not a function', 'run with CXSIM_DEBUG=1 for the stack trace']);
    err.length = 0;
    vi.stubEnv('CXSIM_DEBUG', '1');
    await boom();
    expect(err[0]).toMatch(/TypeError: x is not a function[\s\S]*at /);
    vi.unstubAllEnvs();
  });
});
