/**
 * What a name may contain, end to end: the schema's rule with located errors for what breaks it,
 * names that are Object.prototype members working everywhere, `__proto__` reported instead of
 * dropped, and nothing from a scenario file reaching the terminal as a control sequence.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nameKey, NAME_PATTERN } from '../../src/model/fields.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { terminalSafe } from '../../src/scenario/text.js';
import { chartsFor } from '../../src/outputs/charts/index.js';
import { cli, listFiles, show } from '../cli/helpers.js';
import { FILE, lines, onlyProblem, problemsOf } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'cxsim-names-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const HEAD = ['name: Names', 'days: 12', 'replications: 2', 'market:', '  size: 300', '  initialCustomers: 60'];

describe('the name rule (strategies, segments, touchpoints, channels)', () => {
  it('is one pattern, stated in the schema: a letter, then letters, digits, - or _, at most 64 characters', () => {
    expect(NAME_PATTERN.test('a'.repeat(64))).toBe(true);
    expect(NAME_PATTERN.test('a'.repeat(65))).toBe(false);
    for (const bad of ['1st', 'my plan', '_x', 'ä', 'a.b', '']) expect(NAME_PATTERN.test(bad), bad).toBe(false);
    expect(nameKey().description).toBe('Names: a name starts with a letter and uses only letters, digits, - and _, at most 64 characters.');
    const schema = JSON.parse(readFileSync('scenarios/cxsim.schema.json', 'utf8'));
    expect(schema.properties.strategies.propertyNames.pattern).toBe(NAME_PATTERN.source);
    expect(schema.properties.market.properties.segments.propertyNames.pattern).toBe(NAME_PATTERN.source);
  });

  it('a 1,000-character strategy name is a located error, not ENAMETOOLONG later', () => {
    const long = 'a'.repeat(1000);
    const p = onlyProblem(lines(...HEAD, 'strategies:', `  ${long}: {}`));
    expect(p).toMatchObject({ line: 8, column: 3 });
    expect(p.message).toMatch(/^invalid name "a{1000}": a strategy name starts with a letter and uses only letters, digits, - and _, at most 64 characters$/);
  });

  it('`__proto__` as a strategy, segment, touchpoint, channel, calibration target or sweep parameter is reported, not silently dropped', () => {
    const ps = problemsOf(
      lines(
        ...HEAD,
        '  segments:',
        '    a: { share: 1 }',
        '    __proto__: { share: 0 }',
        'journey:',
        '  touchpoints:',
        '    buy: {}',
        '    __proto__: { failureWeight: -1 }',
        'service:',
        '  channels:',
        '    phone: { share: 1 }',
        '    __proto__: { share: 0, handleMinutes: -1 }',
        'calibration:',
        '  parameters: { journey.processQuality: { min: 0.9, max: 1 } }',
        '  targets:',
        '    __proto__: 3',
        'sweep:',
        '  parameters:',
        '    __proto__: [1]',
        'strategies:',
        '  __proto__: { acquisition: { spendPerDay: -5 } }',
      ),
    );
    const reserved = '`__proto__` cannot be a key: JavaScript reserves it, so the entry would be dropped without a word; choose another name';
    expect(ps.map((p) => [p.line, p.column, p.path, p.message])).toEqual([
      [9, 5, 'market.segments.__proto__', reserved],
      [13, 5, 'journey.touchpoints.__proto__', reserved],
      [17, 5, 'service.channels.__proto__', reserved],
      [21, 5, 'calibration.targets.__proto__', reserved],
      [24, 5, 'sweep.parameters.__proto__', reserved],
      [26, 3, 'strategies.__proto__', reserved],
    ]);
  });

  it('Object.prototype member names work as strategy keys and labels, segments, touchpoints and channels: compare writes every chart', async () => {
    const file = join(tmp, 'proto.yaml');
    writeFileSync(
      file,
      lines(
        ...HEAD,
        '  segments: { constructor: { share: 0.5 }, toString: { share: 0.5 } }',
        'journey:',
        '  touchpoints: { valueOf: {}, hasOwnProperty: { failureWeight: 2 } }',
        'service:',
        '  channels: { isPrototypeOf: { share: 0.5 }, propertyIsEnumerable: { share: 0.5 } }',
        'baselineLabel: constructor',
        'strategies:',
        '  constructor: { label: toString, acquisition: { spendPerDay: 50 } }',
        '  toString: { label: valueOf }',
        '  valueOf: { label: hasOwnProperty }',
        '  hasOwnProperty: { label: __proto__ }',
        '  toLocaleString: { label: __defineGetter__ }',
      ),
    );
    const s = parseScenarioText(readFileSync(file, 'utf8'), file);
    expect(s.strategies.map((x) => x.name)).toEqual(['baseline', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'toLocaleString']);
    expect(Object.keys(s.strategies[0].params.market.segments)).toEqual(['constructor', 'toString']);
    expect(Object.keys(s.strategies[0].params.service.channels)).toEqual(['isPrototypeOf', 'propertyIsEnumerable']);
    const r = await cli('compare', file, '-o', join(tmp, 'proto'));
    expect(r.code, show(r)).toBe(0);
    const files = listFiles(join(tmp, 'proto'));
    expect(files.filter((f) => f.endsWith('.svg'))).toHaveLength(chartsFor(6).length);
    for (const label of ['toString', 'valueOf', 'hasOwnProperty', '__proto__', '__defineGetter__']) expect(readFileSync(join(tmp, 'proto', 'charts', 'comparison.svg'), 'utf8')).toContain(`>${label}<`);
    expect(JSON.parse(readFileSync(join(tmp, 'proto', 'manifest.json'), 'utf8')).strategies).toEqual(s.strategies.map((x) => x.name));
    const again = await cli('reproduce', join(tmp, 'proto', 'manifest.json'));
    expect(again.code, show(again)).toBe(0);
  });
});

describe('labels and descriptions', () => {
  it('a control character, escape sequence, U+2028/2029 or direction override in any text (label, name, currency…) is a located error naming it', () => {
    const PLAIN = 'text in a scenario is plain text, without control characters or escape sequences';
    const cases: [string, string][] = [
      ['"x\\u2028y"', 'a line/paragraph separator (U+2028) at position 2'],
      ['"x\\u2029y"', 'a line/paragraph separator (U+2029) at position 2'],
      ['"\\e]0;pwned\\a"', 'an escape character (U+001B) at position 1'],
      ['"ding\\a"', 'a control character (U+0007) at position 5'],
      ['"nul\\0"', 'a control character (U+0000) at position 4'],
      ['"ab\\u202Ecd"', 'a text-direction control (U+202E) at position 3'],
    ];
    for (const [label, what] of cases) {
      const p = onlyProblem(lines(...HEAD, 'strategies:', `  s: { label: ${label} }`));
      expect(p, label).toMatchObject({ file: FILE, line: 8, column: 15, path: 'strategies.s.label', message: `contains ${what}: ${PLAIN}` });
    }
    expect(onlyProblem(lines(...HEAD.map((l) => (l.startsWith('name:') ? 'name: "A\\e[2J"' : l)))).message).toBe(`contains an escape character (U+001B) at position 2: ${PLAIN}`);
    expect(onlyProblem(lines(...HEAD, 'economics: { currency: "\\e[31m$" }'))).toMatchObject({ path: 'economics.currency', message: `contains an escape character (U+001B) at position 1: ${PLAIN}` });
    // A line break is fine in a description, not in a label: that is the label's own rule.
    expect(onlyProblem(lines(...HEAD, 'strategies:', '  s: { label: "two\\nlines" }')).message).toBe('contains a line break (U+000A) at position 4: names and labels are one line of plain text');
  });

  it('descriptions may hold line breaks and tabs, not other control characters', () => {
    expect(() => parseScenarioText(lines(...HEAD, 'description: |', '  Two lines,', '  \tone indented.'), FILE)).not.toThrow();
    expect(onlyProblem(lines(...HEAD, 'description: "bell\\a"')).message).toBe('contains a control character (U+0007) at position 5: text in a scenario is plain text, without control characters or escape sequences');
  });

  it('a label over 200 characters is a located error that says how long it is', () => {
    const p = onlyProblem(lines(...HEAD, 'strategies:', `  s: { label: ${'L'.repeat(300)} }`));
    expect(p.message).toBe(`expected a text of at most 200 characters, got "${'L'.repeat(57)}..." (300 characters)`);
  });
});

describe('nothing from a scenario drives the terminal', () => {
  it('validate echoes an unknown key holding escape codes (window title, clear screen) as visible text', async () => {
    const file = join(tmp, 'ansi.yaml');
    writeFileSync(file, lines(...HEAD, 'journey:', '  "\\e]0;pwned\\a\\e[2J": 1'));
    const r = await cli('validate', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('journey.\\u001b]0;pwned\\u0007\\u001b[2J: unknown key');
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('terminalSafe shows every forbidden character as an escape and keeps line breaks and tabs', () => {
    expect(terminalSafe('a\u001b[31mred\u0007\u009b2J\u2028\u202e\tb\nc')).toBe('a\\u001b[31mred\\u0007\\u009b2J\\u2028\\u202e\tb\nc');
  });

  it('run --strategy with an unknown 1,000-character name is a one-line error, not a file-system failure', async () => {
    const file = join(tmp, 'plain.yaml');
    writeFileSync(file, lines(...HEAD));
    const r = await cli('run', file, '--strategy', 'b'.repeat(1000), '-o', join(tmp, 'none'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^cxsim: no strategy `b{1000}` in scenario "Names" \(strategies: baseline\)\n$/);
    expect(readdirSync(tmp)).not.toContain('none');
  });
});
