/** Test helpers: run the loader on inline text and get its problems back. */
import { expect } from 'vitest';
import { parseScenarioText, type RunOptions } from '../../src/scenario/load.js';
import { ScenarioError, type Problem } from '../../src/scenario/errors.js';

export const FILE = 'scenarios/test.yaml';

/** Lines joined with newlines, so a test reads line numbers off the array index + 1. */
export const lines = (...ls: string[]) => `${ls.join('\n')}\n`;

/** The problems the loader reports for `text`; fails the test if it loads. */
export function problemsOf(text: string, opts?: RunOptions, file = FILE): Problem[] {
  try {
    parseScenarioText(text, file, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).problems;
  }
  throw new Error('expected the scenario to be rejected');
}

/** The one problem the loader reports for `text`. */
export function onlyProblem(text: string, opts?: RunOptions, file = FILE): Problem {
  const ps = problemsOf(text, opts, file);
  expect(ps, JSON.stringify(ps, null, 2)).toHaveLength(1);
  return ps[0];
}
