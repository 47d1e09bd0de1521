/**
 * Reads the `sweep:` section of a scenario file (or the `sweep` a sweep's manifest recorded),
 * checked against sweepSpecSchema, with every problem located by line and column.
 */
import { LineCounter, parseDocument } from 'yaml';
import { ScenarioError, pathToString } from '../scenario/errors.js';
import { yamlLiteralProblems } from '../scenario/literals.js';
import { readScenarioFile } from '../scenario/load.js';
import { toPathIssues } from '../scenario/issues.js';
import { isPlainObject } from '../scenario/merge.js';
import { offsetOf, position } from '../scenario/positions.js';
import { sweepSpecSchema, type SweepSection } from './sweepSpec.js';

/**
 * The section, or undefined when the file has none. A sweep's manifest (cxsimManifest: 1)
 * records the sweep it ran under the same key, so `cxsim sweep manifest.json` reruns it.
 * File and YAML errors are left to loadScenario, which reads the same file.
 */
export function loadSweepSection(file: string): SweepSection | undefined {
  let text: string;
  try {
    text = readScenarioFile(file);
  } catch {
    return undefined; // loadScenario, which reads the same file, reports why
  }
  return parseSweepSection(text, file);
}

export function parseSweepSection(text: string, file: string): SweepSection | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0 || yamlLiteralProblems(doc).length > 0) return undefined;
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch {
    return undefined;
  }
  if (!isPlainObject(data) || data.sweep === undefined) return undefined;
  const r = sweepSpecSchema.safeParse(data.sweep, { reportInput: true });
  if (r.success) return r.data;
  const problems = toPathIssues(r.error.issues, sweepSpecSchema, data.sweep).map((i) => {
    const full = ['sweep', ...i.path];
    const p = { file, ...position(lineCounter, offsetOf(doc, full, i.atKey)), path: pathToString(full), message: i.message };
    return i.suggestion === undefined ? p : { ...p, suggestion: i.suggestion };
  });
  throw new ScenarioError(problems, file);
}
