/**
 * What the text of a scenario file may hold before the schema sees it, so nothing is dropped or
 * misread on the way: UTF-8 (a UTF-16 or binary file is named as such), strict JSON in .json
 * files, YAML 1.2 without tags that build other kinds of values (`!!omap`, `!!set`, `!!binary`,
 * `!!timestamp`, unknown ones), no `%YAML 1.1` (it turns `1:30` into 90 and `0777` into 511), and
 * numbers JavaScript holds exactly (`1e-400` would be read as 0, `1e308` overflows the totals).
 */
import { isPair, isScalar, isSeq, visit, type Document } from 'yaml';
import { forbiddenCharIn } from './text.js';

export interface LiteralProblem {
  /** Character offset in the text. */
  offset: number;
  message: string;
  /** Path of the setting, when the problem is inside the document. */
  path?: (string | number)[];
}

/** The file's bytes as text, or a problem saying what kind of file it is instead. A UTF-8 byte-order mark is dropped. */
export function decodeText(bytes: Uint8Array): { text: string } | { problem: LiteralProblem } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || looksUtf16(bytes))
    return { problem: { offset: 0, message: 'this file is UTF-16 text; cxsim reads UTF-8: save it as UTF-8 (most editors offer the encoding when saving)' } };
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const lenient = new TextDecoder('utf-8').decode(body);
    const at = lenient.indexOf('\uFFFD');
    return { problem: { offset: Math.max(0, at), message: `this file is not UTF-8 text (a byte here is not valid UTF-8): save it as UTF-8` } };
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return { problem: { offset: nul, message: 'this file holds NUL bytes: it is not a text file (a scenario is YAML or JSON text)' } };
  return { text };
}

/** UTF-16 without a byte-order mark: every other byte of ASCII text is 0. */
function looksUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 200);
  if (n < 4) return false;
  let zeros = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros++;
  return zeros >= n / 4;
}

/**
 * The first place where `text` is not strict JSON, with what is wrong there, or undefined for valid
 * JSON. YAML would accept trailing commas, single quotes, comments and bare words: a .json file
 * should be JSON, so any other tool reads it the same way.
 */
export function jsonSyntaxProblem(text: string): LiteralProblem | undefined {
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw { offset: at, message: `not valid JSON: ${message}` } satisfies LiteralProblem;
  };
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
    if (text.startsWith('//', i) || text.startsWith('/*', i)) fail('comments are not allowed in JSON');
  };
  const literal = (word: string) => (text.startsWith(word, i) ? void (i += word.length) : fail(`unexpected ${describe(text[i])}`));
  const string = () => {
    if (text[i] === "'") fail('strings and keys take double quotes ("…"), not single quotes');
    if (text[i] !== '"') fail(`expected a double-quoted string, found ${describe(text[i])}`);
    const open = i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail('a line break or control character inside a string (write \\n instead)');
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u' ? !/^u[0-9a-fA-F]{4}/.test(text.slice(i, i + 5)) : !'"\\/bfnrt'.includes(text[i] ?? '')) fail('an invalid escape in a string', i - 1);
      }
      i++;
    }
    if (i >= text.length) fail('a string is not closed', open);
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (let comma = -1; ; ) {
        ws();
        if (text[i] === '}' && comma >= 0) fail('a trailing comma before `}`', comma);
        string();
        ws();
        if (text[i] !== ':') fail(`expected \`:\` after a key, found ${describe(text[i])}`);
        i++;
        value();
        ws();
        if (text[i] === ',') comma = i++;
        else if (text[i] === '}') return void i++;
        else fail(`expected \`,\` or \`}\`, found ${describe(text[i])}`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (let comma = -1; ; ) {
        ws();
        if (text[i] === ']' && comma >= 0) fail('a trailing comma before `]`', comma);
        value();
        ws();
        if (text[i] === ',') comma = i++;
        else if (text[i] === ']') return void i++;
        else fail(`expected \`,\` or \`]\`, found ${describe(text[i])}`);
      }
    }
    if (c === '"' || c === "'") return string();
    const num = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (num && num[0] !== '-') return void (i += num[0].length);
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    fail(`unexpected ${describe(c)} (JSON values are "strings", numbers, true, false, null, {…} and […])`);
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${describe(text[i])} after the end of the JSON value`);
    return undefined;
  } catch (e) {
    if (e && typeof e === 'object' && 'offset' in e) return e as LiteralProblem;
    throw e;
  }
}

const describe = (c: string | undefined) => (c === undefined ? 'the end of the file' : `\`${c}\``);

/** Tags that only restate what the value already is; any other tag builds a value the schema would misread. */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/** The largest number a scenario may hold: integers stay exact, and totals over a horizon stay finite. */
export const MAX_NUMBER = Number.MAX_SAFE_INTEGER;

/** Problems with what the YAML document holds: its version, tags, and numbers JavaScript cannot hold as written. `text` (the document's source) places tags. */
export function yamlLiteralProblems(doc: Document, text?: string): LiteralProblem[] {
  const out: LiteralProblem[] = [];
  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2')
    out.push({ offset: 0, message: `this file declares %YAML ${doc.directives.yaml.version}; cxsim reads YAML 1.2 (in 1.1, \`1:30\` means 90, \`0777\` means 511 and \`<<\` merges sections): remove the %YAML line and write values plainly` });
  visit(doc, {
    Node(_, node, ancestors) {
      const tag = (node as { tag?: string }).tag;
      const at = node.range?.[0] ?? 0;
      const path = settingPath(ancestors, node);
      if (path === undefined) return; // a key, not a value
      if (tag && !PLAIN_TAGS.has(tag)) {
        const shown = tag.replace(/^tag:yaml\.org,2002:/, '!!');
        out.push({ offset: text === undefined ? at : tagStart(text, at), path, message: `the YAML tag \`${shown}\` is not supported: a scenario holds plain sections, lists, text, numbers and true/false; remove the tag` });
      }
      if (!isScalar(node) || typeof node.value !== 'number') return;
      const written = node.source ?? String(node.value);
      const problem = numberTextProblem(written, node.value);
      if (problem) out.push({ offset: at, path, message: `${problem}${Math.abs(node.value) > MAX_NUMBER && Number.isFinite(node.value) ? ': whole numbers stay exact and totals finite below that' : node.value === 0 ? '; write 0 if you mean zero' : ''}` });
    },
  });
  return out;
}

/**
 * Why a number written as `text` cannot be used as written (too large, too small to hold, not
 * finite), or undefined when it can: the same rule for command-line values as for files.
 */
export function numberTextProblem(text: string, value: number): string | undefined {
  if (!Number.isFinite(value)) return `\`${text}\` is not a finite number`;
  if (Math.abs(value) > MAX_NUMBER) return `\`${text}\` is too large (at most 9,007,199,254,740,991 in size)`;
  if (value === 0 && /[1-9]/.test(text.replace(/[eE].*$/, ''))) return `\`${text}\` is too small to hold: it would be read as 0`;
  return undefined;
}

/** Where the tag written before the node starting at `at` begins (the node's range starts after it). */
function tagStart(text: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  while (i >= 0 && !/\s/.test(text[i]) && text[i] !== '!') i--;
  while (i > 0 && text[i - 1] === '!') i--;
  return i >= 0 && text[i] === '!' ? i : at;
}

/** The path of a value node from the visitor's ancestors (keys of the pairs, indexes in lists); undefined for a key node. */
function settingPath(ancestors: readonly unknown[], node: unknown): (string | number)[] | undefined {
  const path: (string | number)[] = [];
  for (let i = 0; i < ancestors.length; i++) {
    const a = ancestors[i];
    const child = i + 1 < ancestors.length ? ancestors[i + 1] : node;
    if (isPair(a)) {
      if (a.key === child) return undefined;
      path.push(isScalar(a.key) ? String(a.key.value) : String(a.key));
    } else if (isSeq(a)) path.push(a.items.indexOf(child as never));
  }
  return path;
}

/**
 * Every text value of the document (labels, descriptions, the currency, sweep levels…) holding a
 * character no scenario text may hold (text.ts: control characters, escape sequences, U+2028/2029,
 * direction controls; line breaks and tabs are the schema's business). One rule for all text, so
 * a field added later is covered too. Keys are left to the name rule and the unknown-key check.
 */
export function textValueProblems(doc: Document): LiteralProblem[] {
  const out: LiteralProblem[] = [];
  visit(doc, {
    Scalar(_, node, ancestors) {
      if (typeof node.value !== 'string') return;
      const path = settingPath(ancestors, node);
      const bad = path && forbiddenCharIn(node.value, false);
      if (path && bad) out.push({ offset: node.range?.[0] ?? 0, path, message: `contains ${bad}: text in a scenario is plain text, without control characters or escape sequences` });
    },
  });
  return out;
}
