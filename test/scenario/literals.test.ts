/**
 * Input the schema must not silently drop or misread: YAML tags and versions, strict JSON, numbers
 * JavaScript cannot hold as written, file encodings, and messages that say what was found.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkNumber } from '../../src/cli/flags.js';
import { showValue } from '../../src/scenario/describe.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { jsonSyntaxProblem } from '../../src/scenario/literals.js';
import { loadScenario, parseScenarioText } from '../../src/scenario/load.js';
import { parseLevel } from '../../src/experiments/sweepSpec.js';
import { parseTargetFlag } from '../../src/scenario/calibrationSchema.js';
import { FILE, lines, onlyProblem } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'cxsim-literals-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const HEAD = ['name: Literals', 'days: 30', 'market: { size: 500, initialCustomers: 100 }'];
const TAG_RULE = 'is not supported: a scenario holds plain sections, lists, text, numbers and true/false; remove the tag';

function problemOfFile(name: string, bytes: Uint8Array | string) {
  const file = join(tmp, name);
  writeFileSync(file, bytes);
  try {
    loadScenario(file);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    const ps = (e as ScenarioError).problems;
    expect(ps, JSON.stringify(ps)).toHaveLength(1);
    return { ...ps[0], file: ps[0].file.slice(tmp.length + 1) };
  }
  throw new Error(`${name} loaded`);
}

describe('YAML tags and versions', () => {
  it('!!omap and !!set sections are refused where they stand, not read through Map.size', () => {
    expect(onlyProblem(lines('name: x', 'market: !!omap [ {size: 10}, {initialCustomers: 2} ]'))).toMatchObject({ line: 2, column: 9, path: 'market', message: `the YAML tag \`!!omap\` ${TAG_RULE}` });
    expect(onlyProblem(lines('name: x', 'journey:', '  touchpoints: !!set { buy, use }'))).toMatchObject({ line: 3, column: 16, path: 'journey.touchpoints', message: `the YAML tag \`!!set\` ${TAG_RULE}` });
  });

  it('unknown and value-changing tags are refused (the parser only warned, and the warning was dropped)', () => {
    for (const [value, shown] of [['!!js/function "function () {}"', '!!js/function'], ['!custom { a: 1 }', '!custom'], ['!!binary aGVsbG8=', '!!binary'], ['!!timestamp 2001-12-14', '!!timestamp']]) {
      const p = onlyProblem(lines(...HEAD, 'strategies:', `  s: ${value}`));
      expect(p, value).toMatchObject({ line: 5, column: 6, path: 'strategies.s', message: `the YAML tag \`${shown}\` ${TAG_RULE}` });
    }
    // Tags that restate the value's own kind are harmless.
    expect(parseScenarioText(lines('name: !!str x', 'days: !!int 30'), FILE).days).toBe(30);
  });

  it('%YAML 1.1 is refused: it reads `1:30` as 90 and `0777` as 511 and turns on merge keys', () => {
    expect(onlyProblem(lines('%YAML 1.1', '---', 'name: x', 'days: 1:30', 'seed: 0777'))).toMatchObject({
      line: 1,
      column: 1,
      message: 'this file declares %YAML 1.1; cxsim reads YAML 1.2 (in 1.1, `1:30` means 90, `0777` means 511 and `<<` merges sections): remove the %YAML line and write values plainly',
    });
    // Under YAML 1.2 (with or without the directive) those are text and a decimal number.
    expect(onlyProblem(lines('%YAML 1.2', '---', 'name: x', 'days: 1:30')).message).toBe('expected a whole number ≥ 1, got "1:30"');
    expect(parseScenarioText(lines('name: x', 'seed: 0777'), FILE).seed).toBe(777);
  });
});

describe('JSON files are JSON', () => {
  const json = (text: string) => onlyProblem(text.replace(/\n$/, ''), undefined, 'scenarios/test.json');
  it.each([
    ['a trailing comma', '{\n  "name": "x",\n  "days": 30,\n}', 3, 13, 'not valid JSON: a trailing comma before `}`'],
    ['a trailing comma in a list', '{"name": "x", "service": {"arrivals": {"weekdays": [1, 1, 1, 1, 1, 1, 1,]}}}', 1, 72, 'not valid JSON: a trailing comma before `]`'],
    ['single quotes', "{'name': 'x'}", 1, 2, 'not valid JSON: strings and keys take double quotes ("…"), not single quotes'],
    ['a comment', '{"name": "x" // the name\n}', 1, 14, 'not valid JSON: comments are not allowed in JSON'],
    ['a bare word', '{"name": x}', 1, 10, 'not valid JSON: unexpected `x` (JSON values are "strings", numbers, true, false, null, {…} and […])'],
    ['text after the value', '{"name": "x"} {}', 1, 15, 'not valid JSON: unexpected `{` after the end of the JSON value'],
  ])('%s is a located error', (_what, text, line, column, message) => {
    expect(json(text)).toMatchObject({ file: 'scenarios/test.json', line, column, path: '', message });
  });

  it('valid JSON passes the check and loads; the same text as .yaml is YAML', () => {
    expect(jsonSyntaxProblem('{"name": "x", "days": 30, "market": {"size": 1e3}, "l": [true, false, null, -0.5, "\\u00e9\\n"]}')).toBeUndefined();
    expect(parseScenarioText('{"name": "x", "days": 30}', 'scenarios/ok.json').days).toBe(30);
    expect(parseScenarioText("{'name': 'x', 'days': 30,}", 'scenarios/flow.yaml').days).toBe(30);
  });
});

describe('numbers are used as written, or refused', () => {
  it('1e-400 would silently become 0; 1e308 overflows the totals (blank profit cells); .inf is no number', () => {
    expect(onlyProblem(lines(...HEAD, 'acquisition: { spendPerDay: 1e-400 }'))).toMatchObject({ line: 4, column: 29, path: 'acquisition.spendPerDay', message: '`1e-400` is too small to hold: it would be read as 0; write 0 if you mean zero' });
    expect(onlyProblem(lines(...HEAD, 'acquisition: { spendPerDay: 1e308 }'))).toMatchObject({ line: 4, column: 29, message: '`1e308` is too large (at most 9,007,199,254,740,991 in size): whole numbers stay exact and totals finite below that' });
    expect(onlyProblem(lines(...HEAD, 'acquisition: { spendPerDay: .inf }')).message).toBe('`.inf` is not a finite number');
    expect(onlyProblem('{"name": "x", "acquisition": {"spendPerDay": 1e-400}}', undefined, 'scenarios/test.json')).toMatchObject({ line: 1, column: 46, message: '`1e-400` is too small to hold: it would be read as 0; write 0 if you mean zero' });
    // Zero written as zero, and small numbers JavaScript holds, are fine.
    expect(parseScenarioText(lines(...HEAD, 'acquisition: { spendPerDay: 0.0e5, organicInfluence: 1e-300 }'), FILE).strategies[0].params.acquisition.organicInfluence).toBe(1e-300);
  });

  it('command-line numbers follow the same rule, in decimal notation only', () => {
    expect(() => checkNumber('seed', '1e-400', { integer: true, min: 0 })).toThrow('--seed: `1e-400` is too small to hold: it would be read as 0');
    expect(() => checkNumber('workers', '0x10', { integer: true, min: 1 })).toThrow('--workers: expected a whole number ≥ 1, got 0x10');
    expect(() => checkNumber('days', '1e400', { integer: true, min: 1 })).toThrow('--days: `1e400` is not a finite number');
    expect(checkNumber('days', '1e3', { integer: true, min: 1 })).toBe(1000);
    expect(() => parseLevel('1e-400')).toThrow('`1e-400` is too small to hold');
    expect(parseTargetFlag('finalNps=1e-400')).toBeNull();
    expect(parseTargetFlag('finalNps=40:1e308')).toBeNull();
    expect(parseTargetFlag('finalNps=40:5')).toEqual({ metric: 'finalNps', value: 40, scale: 5 });
  });
});

describe('file encodings', () => {
  const utf16le = (s: string) => Buffer.from(s, 'utf16le');
  it('a UTF-16 file (with or without a byte-order mark) is named as such, not dumped as mojibake', () => {
    const message = 'this file is UTF-16 text; cxsim reads UTF-8: save it as UTF-8 (most editors offer the encoding when saving)';
    expect(problemOfFile('bom16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le('name: x\ndays: 30\n')]))).toMatchObject({ file: 'bom16.yaml', line: 0, message });
    expect(problemOfFile('be16.yaml', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(utf16le('name: x\n').swap16())]))).toMatchObject({ message });
    expect(problemOfFile('nobom16.yaml', utf16le('name: x\ndays: 30\n'))).toMatchObject({ message });
  });

  it('a Latin-1 file is located at its first byte that is not UTF-8; NUL bytes mean it is not text; a UTF-8 byte-order mark is fine', () => {
    expect(problemOfFile('latin1.yaml', Buffer.from('name: x\ndescription: Caf\xe9 au lait\n', 'latin1'))).toMatchObject({ line: 2, column: 17, message: 'this file is not UTF-8 text (a byte here is not valid UTF-8): save it as UTF-8' });
    expect(problemOfFile('nul.yaml', Buffer.from('name: x\nda\0ys: 3\n'))).toMatchObject({ line: 2, column: 3, message: 'this file holds NUL bytes: it is not a text file (a scenario is YAML or JSON text)' });
    const file = join(tmp, 'bom8.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('name: Crème\n')]));
    expect(loadScenario(file).name).toBe('Crème');
  });
});

describe('messages say what was expected and what was found', () => {
  it('a list of the wrong length says how many values it needs and has (not "expected a list, got a list (3 items)")', () => {
    expect(onlyProblem(lines(...HEAD, 'service:', '  arrivals:', '    hourly: [1, 2, 3]')).message).toBe('expected a list of exactly 24 values, got 3');
    expect(onlyProblem(lines(...HEAD, 'sweep:', '  parameters:', '    journey.processQuality: []')).message).toBe('expected a list of at least 1 value, got 0');
  });

  it('a value of one alternative\'s kind gets that alternative\'s own problems', () => {
    expect(onlyProblem(lines(...HEAD, 'sweep:', '  parameters:', '    journey.processQuality: { min: 0.9 }'))).toMatchObject({ path: 'sweep.parameters.journey.processQuality.max', message: 'is required but missing; expected a number' });
    expect(onlyProblem(lines(...HEAD, 'calibration:', '  parameters: { journey.processQuality: { min: 0.9, max: 1 } }', '  targets: { finalNps: { value: high } }'))).toMatchObject({ path: 'calibration.targets.finalNps.value', message: 'expected a number, got "high"' });
  });

  it('dates, binary data, maps and sets are named for what they are, not "a section"', () => {
    expect(showValue(new Date('2001-12-14'))).toBe('a date (2001-12-14)');
    expect(showValue(Buffer.from('hello'))).toBe('binary data (5 bytes)');
    expect(showValue(new Map([['a', 1]]))).toBe('an ordered map (1 entry)');
    expect(showValue(new Set(['a', 'b']))).toBe('a set (2 items)');
    expect(showValue({ a: 1 })).toBe('a section (`key: value` settings)');
  });
});
