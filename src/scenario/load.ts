/** Loads a scenario (or a cxsim manifest) from YAML or JSON, reporting every problem with its line and column. */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { Scenario } from './schema.js';
import { ScenarioError, pathToString, type PathIssue, type Problem } from './errors.js';
import { checkScenario } from './check.js';
import { isPlainObject } from './merge.js';
import { keysAt, lineCounterOf, offsetOf, pathAt, position, reservedKeys, unresolvedAlias, yamlProblems } from './positions.js';
import { didYouMean, showValue, suggest } from './describe.js';
import { decodeText, jsonSyntaxProblem, textValueProblems, yamlLiteralProblems, type LiteralProblem } from './literals.js';

/** Command-line overrides applied after validation. */
export interface RunOptions {
  seed?: number;
  days?: number;
  replications?: number;
}

/** The top-level key that marks a manifest written by cxsim; its `scenario` field is re-run as is. */
export const MANIFEST_KEY = 'cxsimManifest';

/** Reads and validates a scenario file; throws ScenarioError listing every problem. */
export function loadScenario(file: string, opts: RunOptions = {}): Scenario {
  return parseScenarioText(readScenarioFile(file), file, opts);
}

/** A scenario file's text: UTF-8 (a byte-order mark dropped), or a ScenarioError saying why it cannot be read as such. */
export function readScenarioFile(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new ScenarioError([{ file, line: 0, column: 0, path: '', message: readFailure(e, file) }], file);
  }
  const decoded = decodeText(bytes);
  if ('text' in decoded) return decoded.text;
  // The offset counts characters of the text as far as it decodes: locate it in that text.
  const where = decoded.problem.offset > 0 ? position(lineCounterOf(new TextDecoder('utf-8').decode(bytes)), decoded.problem.offset) : { line: 0, column: 0 };
  throw new ScenarioError([{ file, ...where, path: '', message: decoded.problem.message }], file);
}

/** Validates scenario text; `file` is only used in problem locations (and a .json name asks for strict JSON). */
export function parseScenarioText(text: string, file: string, opts: RunOptions = {}): Scenario {
  if (/\.json$/i.test(file)) {
    const bad = jsonSyntaxProblem(text);
    if (bad) throw new ScenarioError([{ file, ...position(lineCounterOf(text), bad.offset), path: '', message: bad.message }], file);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const problems: Problem[] = yamlProblems(doc, lineCounter, file);
  const at = (offset: number | undefined, path: string, message: string): Problem => ({ file, ...position(lineCounter, offset), path, message });
  // A broken document would only add noise to the schema problems; duplicate keys still parse.
  if (doc.errors.some((e) => e.code !== 'DUPLICATE_KEY')) throw new ScenarioError(problems, file);
  // Values the schema would misread (tags, YAML 1.1, numbers JavaScript cannot hold): nothing else is checked until they are fixed.
  const literal: LiteralProblem[] = [...yamlLiteralProblems(doc, text), ...doc.warnings.filter((w) => w.code !== 'TAG_RESOLVE_FAILED').map((w) => ({ offset: w.pos[0], message: `YAML: ${w.message.split(/ at line \d+/)[0]}` }))];
  if (literal.length > 0) throw new ScenarioError([...problems, ...literal.map((l) => at(l.offset, pathToString(l.path ?? pathAt(doc, l.offset)), l.message))].sort((a, b) => a.line - b.line || a.column - b.column), file);
  const reserved = reservedKeys(doc).map((r) => at(r.offset, pathToString(r.path), '`__proto__` cannot be a key: JavaScript reserves it, so the entry would be dropped without a word; choose another name'));
  const plain = textValueProblems(doc).map((t) => at(t.offset, pathToString(t.path ?? []), t.message));
  problems.push(...reserved, ...plain);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    throw new ScenarioError([...problems, at(unresolvedAlias(doc), '', `YAML error: ${(e as Error).message}`)], file);
  }
  let prefix: string[] = [];
  if (isPlainObject(data) && Object.hasOwn(data, MANIFEST_KEY)) {
    prefix = ['scenario'];
    data = data.scenario;
    if (data === undefined) throw new ScenarioError([...problems, at(0, '', `this is a cxsim manifest (\`${MANIFEST_KEY}\`) but it has no \`scenario\` section to re-run`)], file);
  }
  if (data === null || data === undefined) throw new ScenarioError([...problems, at(offsetOf(doc, prefix), pathToString(prefix), 'the scenario is empty; it needs at least a `name`')], file);

  const { scenario, issues } = checkScenario(data, keysAt(doc, [...prefix, 'strategies']));
  // A reserved key or a text with a forbidden character is reported once, as such (not again by the schema).
  const once = new Set([...reserved, ...plain].map((p) => p.path));
  const located = issues.map((i) => locate(i, doc, lineCounter, file, prefix)).filter((p) => !once.has(p.path));
  located.sort((a, b) => a.line - b.line || a.column - b.column);
  problems.push(...located, ...checkRunOptions(opts, file));
  if (problems.length > 0 || !scenario) throw new ScenarioError(problems, file);
  return applyRunOptions(scenario, opts);
}

function locate(i: PathIssue, doc: Parameters<typeof offsetOf>[0], lc: LineCounter, file: string, prefix: string[]): Problem {
  const p: Problem = { file, ...position(lc, offsetOf(doc, [...prefix, ...i.path], i.atKey)), path: pathToString(i.path), message: i.message };
  if (i.suggestion !== undefined) p.suggestion = i.suggestion;
  return p;
}

const RUN_MINIMUM = { seed: 0, days: 1, replications: 1 } as const;

/** Problems with command-line overrides (no file position: they come from the command line). */
export function checkRunOptions(opts: RunOptions, file: string): Problem[] {
  const out: Problem[] = [];
  for (const key of Object.keys(RUN_MINIMUM) as (keyof RunOptions)[]) {
    const v = opts[key];
    if (v === undefined || (Number.isSafeInteger(v) && v >= RUN_MINIMUM[key])) continue;
    out.push({ file, line: 0, column: 0, path: `--${key}`, message: `expected a whole number ≥ ${RUN_MINIMUM[key]}, got ${showValue(v)}` });
  }
  return out;
}

/** The scenario with seed/days/replications replaced by the given (already checked) overrides. */
export function applyRunOptions(s: Scenario, opts: RunOptions): Scenario {
  return { ...s, seed: opts.seed ?? s.seed, days: opts.days ?? s.days, replications: opts.replications ?? s.replications };
}

/** A scenario file in the same folder whose name is a likely typo of `file`'s (`defualt.yaml` → `default.yaml`), as a path. */
function nearbyFile(file: string): string[] {
  try {
    const dir = dirname(file);
    // Names compared without their extensions: they share them, which would make anything look close.
    const stem = (n: string) => n.replace(/\.(ya?ml|json)$/i, '');
    // Files only, and not the name asked for (a broken link by that name is not a suggestion).
    const names = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && /\.(ya?ml|json)$/i.test(e.name) && e.name !== basename(file)).map((e) => e.name);
    const hit = suggest(stem(basename(file)), names.map(stem));
    return hit === undefined ? [] : [join(dir, names.find((n) => stem(n) === hit)!)];
  } catch {
    return []; // no such folder either
  }
}

function readFailure(e: unknown, file: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `file not found${didYouMean(nearbyFile(file))}`;
  if (code === 'EISDIR') return 'this is a folder, not a scenario file';
  if (code === 'EACCES' || code === 'EPERM') return 'the file cannot be read (permission denied)';
  return `the file cannot be read: ${(e as Error).message}`;
}
