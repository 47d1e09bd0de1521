/**
 * The studio's what-if: a strategy of the scenario with lever values changed, checked with the
 * same rules as a strategy in a file (merged over the baseline, every problem with its path), the
 * scenario views the charts need, and the tweaked scenario as YAML (the original text, comments
 * kept, with the new strategy added) that `cxsim validate` accepts.
 */
import { parseDocument } from 'yaml';
import type { PathIssue } from '../scenario/errors.js';
import { pathToString } from '../scenario/errors.js';
import { resolveStrategy } from '../scenario/normalize.js';
import type { Scenario, Strategy } from '../scenario/schema.js';
import { diff, withValues } from './levers.js';

export interface WhatIf {
  /** Strategy the levers start from (a name of the scenario, the baseline included). */
  from: string;
  /** Lever values that differ from that strategy, by dotted path. */
  values: Record<string, unknown>;
  days: number;
  replications: number;
}

export interface Candidate {
  /** The baseline and the strategy compared with it (the chosen one, or its tweaked copy). */
  pair: Scenario;
  /** The whole scenario with the candidate in its place: charts use it, so colours match every other chart of the scenario. */
  display: Scenario;
  candidate: Strategy;
  tweaked: boolean;
  problems: string[];
}

export const TWEAK_SUFFIX = '-studio';

/** The candidate strategy of a what-if, validated; `problems` lists what is wrong (then nothing should run). */
export function candidateOf(scenario: Scenario, w: WhatIf): Candidate {
  const [baseline] = scenario.strategies;
  const from = scenario.strategies.find((s) => s.name === w.from) ?? baseline;
  const tweaked = Object.keys(w.values).length > 0;
  let candidate: Strategy = from;
  const problems: string[] = [];
  if (tweaked) {
    const name = freeName(scenario, `${from.name}${TWEAK_SUFFIX}`);
    const override = diff(baseline.params, withValues(from.params, w.values)) ?? {};
    const r = resolveStrategy(name, override, baseline.params);
    problems.push(...r.issues.map((i: PathIssue) => `${pathToString(i.path.slice(2)) || name}: ${i.message.replace(/^strategy `[^`]+` \(its overrides merged over the baseline\) is invalid: /, '')}`));
    const changed = Object.keys(w.values).join(', ');
    candidate = { name, label: `${from.label} (what-if)`, description: `${from.description ? `${from.description} ` : ''}Changed in cxsim studio: ${changed}.`, params: r.params ?? from.params };
  }
  const run = { ...scenario, days: w.days, replications: w.replications };
  const pair: Scenario = { ...run, strategies: candidate === baseline ? [baseline] : [baseline, candidate] };
  // The candidate takes the place of the strategy it came from (and its colour); a tweaked baseline goes last, with a colour of its own.
  const strategies = scenario.strategies.map((s) => (s === from && from !== baseline ? candidate : s));
  if (tweaked && from === baseline) strategies.push(candidate);
  return { pair, display: { ...run, strategies }, candidate, tweaked, problems };
}

function freeName(scenario: Scenario, wanted: string): string {
  const taken = new Set(scenario.strategies.map((s) => s.name));
  let name = wanted;
  for (let i = 2; taken.has(name); i++) name = `${wanted}${i}`;
  return name;
}

/**
 * The scenario file's text with the candidate added under `strategies` (its complete difference
 * to the baseline, so it resolves to the same parameters) and the studio's days and replications;
 * comments and everything else kept.
 */
export function tweakedYaml(text: string, scenario: Scenario, c: Candidate): string {
  const doc = parseDocument(text);
  if (doc.get('days') !== undefined || c.pair.days !== scenario.days) doc.set('days', c.pair.days);
  if (doc.get('replications') !== undefined || c.pair.replications !== scenario.replications) doc.set('replications', c.pair.replications);
  if (c.tweaked) {
    const override = diff(scenario.strategies[0].params, c.candidate.params) ?? {};
    const entry = doc.createNode({ label: c.candidate.label, description: c.candidate.description, ...override });
    if (!doc.has('strategies') || doc.get('strategies') === null) doc.set('strategies', doc.createNode({}));
    doc.setIn(['strategies', c.candidate.name], entry);
  }
  return doc.toString({ lineWidth: 0 });
}
