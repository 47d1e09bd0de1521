/** Turns zod issues into PathIssues whose messages say what was expected and what was found. */
import type { z } from 'zod';
import { allowedKeys, allowedValues, describeExpected, numberFromText, schemaAt, showValue, suggest, unwrap } from './describe.js';
import type { PathIssue } from './errors.js';
import { NAME_PATTERN, nameRule } from '../model/fields.js';
import { forbiddenCharIn, LINE_TEXT_PATTERN, PARAGRAPH_TEXT_PATTERN } from './text.js';

type Schema = z.core.$ZodType;
type Issue = z.core.$ZodIssue;

export interface IssueOptions {
  /** Keys accepted next to the schema's own at the root (a strategy's label and description). */
  extraRootKeys?: readonly string[];
  /** An explanation for an unknown key that is better than "unknown key" (e.g. a scenario setting inside a strategy). */
  unknownKeyHint?: (parent: readonly PropertyKey[], key: string) => string | undefined;
}

// Name patterns used by the schema, described for people; anything else falls back to the regex.
const PATTERNS: Record<string, string> = {
  [NAME_PATTERN.source]: nameRule(),
  '^[A-Za-z][\\w-]*$': 'a name starts with a letter and uses only letters, digits, - and _',
  '^[A-Za-z0-9][\\w-]*$': 'a name starts with a letter or digit and uses only letters, digits, - and _',
};

/**
 * Translates the issues of `root.safeParse(input, { reportInput: true })`. Found values come from the
 * issue's `input`, or from walking `input` along the path when zod did not report one.
 */
export function toPathIssues(issues: readonly Issue[], root: Schema, input: unknown, opts: IssueOptions = {}): PathIssue[] {
  // zod runs cross-field refinements even after non-fatal field issues (a size of -5); on such
  // values they only echo the field problem ("exceeds market.size (-5)"), and a rule may span
  // sections, so cross-field issues wait while any value is invalid. Unknown keys do not hold them back.
  const invalidValue = issues.some((i) => i.code !== 'custom' && i.code !== 'unrecognized_keys');
  const kept = invalidValue ? issues.filter((i) => i.code !== 'custom') : issues;
  return kept.flatMap((issue) => translate(issue, root, input, opts));
}

function translate(issue: Issue, root: Schema, input: unknown, opts: IssueOptions): PathIssue[] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const schema = schemaAt(root, path);
  const found = 'input' in issue ? issue.input : valueAt(input, path);
  const base = { path, code: issue.code };
  switch (issue.code) {
    case 'invalid_type':
      if (found === undefined) return [{ ...base, message: `is required but missing; expected ${describeExpected(schema)}` }];
      return [{ ...base, message: `expected ${describeExpected(schema)}, got ${showValue(found)}`, suggestion: numericHint(schema, found) }];
    case 'too_big':
    case 'too_small': {
      // A list of the wrong length: say how many values it needs and how many it has.
      const bound = issue as { origin?: string; minimum?: number | bigint; maximum?: number | bigint; exact?: boolean };
      if (bound.origin === 'array' && Array.isArray(found)) {
        const n = Number(issue.code === 'too_small' ? bound.minimum : bound.maximum);
        const how = bound.exact ? 'exactly' : issue.code === 'too_small' ? 'at least' : 'at most';
        return [{ ...base, message: `expected a list of ${how} ${n} value${n === 1 ? '' : 's'}, got ${found.length}` }];
      }
      return [{ ...base, message: `expected ${describeExpected(schema)}, got ${showValue(found)}` }];
    }
    case 'not_multiple_of':
      return [{ ...base, message: `expected ${describeExpected(schema)}, got ${showValue(found)}` }];
    case 'invalid_union': {
      // When the value has the type of one alternative (a section, say), that alternative's own
      // problems say more than "expected a number or a section".
      const branches = (issue as { errors?: Issue[][] }).errors ?? [];
      const fitting = branches.filter((b) => b.length > 0 && !b.some((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (fitting.length === 1) return fitting[0].flatMap((i) => translate({ ...i, path: [...issue.path, ...i.path] } as Issue, root, input, opts));
      const words = allowedValues(schema).filter((v): v is string => typeof v === 'string');
      const hint = typeof found === 'string' ? suggest(found, words) : undefined;
      return [{ ...base, message: `expected ${describeExpected(schema)}, got ${showValue(found)}`, suggestion: hint ?? numericHint(schema, found) }];
    }
    case 'invalid_value': {
      const words = allowedValues(schema).filter((v): v is string => typeof v === 'string');
      const hint = typeof found === 'string' ? suggest(found, words) : undefined;
      return [{ ...base, message: `expected ${describeExpected(schema)}, got ${showValue(found)}`, suggestion: hint ?? numericHint(schema, found) }];
    }
    case 'unrecognized_keys': {
      const keys = allowedKeys(root, path).concat(path.length === 0 ? (opts.extraRootKeys ?? []) : []);
      return issue.keys.map((key) => {
        const special = key === '<<' ? 'YAML merge keys (`<<: *anchor`) are not supported; use a strategy to vary settings, or repeat them' : opts.unknownKeyHint?.(path, key);
        const suggestion = special ? undefined : suggest(key, keys);
        const message = special ?? (suggestion || keys.length === 0 ? 'unknown key' : `unknown key; expected one of ${keys.join(', ')}`);
        return { ...base, path: [...path, key], atKey: true, message, suggestion };
      });
    }
    case 'invalid_format': {
      // Text that breaks the rules of labels and descriptions: say which character and where.
      const pattern = String((issue as { pattern?: unknown }).pattern ?? '');
      const oneLine = pattern === String(LINE_TEXT_PATTERN);
      if (typeof found === 'string' && (oneLine || pattern === String(PARAGRAPH_TEXT_PATTERN))) {
        const what = oneLine ? 'names and labels are one line of plain text' : 'descriptions are plain text (line breaks and tabs are fine)';
        return [{ ...base, message: `contains ${forbiddenCharIn(found, oneLine)}: ${what}` }];
      }
      return [{ ...base, message: issue.message }];
    }
    case 'invalid_key': {
      const key = String(path[path.length - 1]);
      const inner = issue.issues[0];
      let why = inner?.message ?? issue.message;
      // zod's own regex message shows the pattern; our schema's patterns have plain-words versions.
      if (inner?.code === 'invalid_format' && why.startsWith('Invalid string')) {
        const pattern = String((inner as { pattern?: unknown }).pattern ?? '').replace(/^\/|\/$/g, '');
        why = PATTERNS[pattern] ?? `a name must match ${pattern}`;
      }
      return [{ ...base, atKey: true, message: `invalid name ${JSON.stringify(key)}: ${why}` }];
    }
    default:
      return [{ ...base, message: issue.message }];
  }
}

/** For a number written as text ("10_000", "5%"), the number to write instead. */
function numericHint(schema: Schema | undefined, found: unknown): string | undefined {
  if (typeof found !== 'string' || !schema) return undefined;
  const wantsNumber = unwrap(schema)._zod.def.type === 'number' || describeExpected(schema).includes('number');
  const n = wantsNumber ? numberFromText(found) : undefined;
  return n === undefined ? undefined : String(n);
}

/** The value at `path` inside plain data, or undefined when the path does not exist. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, seg)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}
