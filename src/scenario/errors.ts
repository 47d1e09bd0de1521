/** Problems found in a scenario, and the error that carries all of them to the user at once. */
import { terminalSafe } from './text.js';

/** One problem, located in the file. `line`/`column` are 1-based; 0 means "no position" (e.g. a missing file or a command-line option). */
export interface Problem {
  file: string;
  line: number;
  column: number;
  /** Dotted path of the offending setting, e.g. `journey.processQuality`; '' when the problem is about the whole file. */
  path: string;
  /** What was expected and what was found, in a strategist's words. */
  message: string;
  /** A likely fix, rendered as "did you mean `…`?". */
  suggestion?: string;
}

/** A problem before it is located in the file: a path into the scenario plus the explanation. */
export interface PathIssue {
  path: (string | number)[];
  message: string;
  suggestion?: string;
  /** Point at the key itself rather than its value (unknown keys, bad names). */
  atKey?: boolean;
  /** The zod issue code, or 'yaml'/'scenario' for our own checks; lets callers tell cross-field ('custom') checks apart. */
  code: string;
}

/** An error the user can fix (bad input, missing file); printed without a stack trace. */
export class UserError extends Error {
  override name = 'UserError';
}

/** Every problem found in one scenario file. */
export class ScenarioError extends UserError {
  override name = 'ScenarioError';
  readonly problems: Problem[];
  readonly file: string;

  constructor(problems: Problem[], file = problems[0]?.file ?? 'scenario') {
    super(formatProblems(problems, file));
    this.problems = problems;
    this.file = file;
  }

  /** The problems as the CLI prints them: a header line, then one indented line per problem. */
  format(): string {
    return formatProblems(this.problems, this.file);
  }
}

/** Renders problems as `file:line:col  path: message; did you mean `x`?`, locations padded into a column. */
export function formatProblems(problems: Problem[], file: string): string {
  const where = problems.map((p) => (p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file));
  const width = Math.max(0, ...where.map((w) => w.length));
  const lines = problems.map((p, i) => `  ${where[i].padEnd(width)} ${describeProblem(p)}`);
  const n = problems.length;
  // Paths and values come from the file: a key holding escape codes must not drive the terminal.
  return terminalSafe([`${file}: ${n} problem${n === 1 ? '' : 's'}`, ...lines].join('\n'));
}

/** `path: message; did you mean `x`?` without the location. */
export function describeProblem(p: Problem): string {
  const head = p.path ? `${p.path}: ${p.message}` : p.message;
  return p.suggestion === undefined ? head : `${head}; did you mean \`${p.suggestion}\`?`;
}

/** Joins a path the way the user writes it in a file: `market.segments.price.share`, `list[2]`. */
export function pathToString(path: readonly (string | number | symbol)[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}
