/** Resolves a parsed scenario file into complete per-strategy parameters, and writes a resolved scenario back as a file. */
import { paramsSchema, scenarioSchema, SECTION_KEYS, type Params, type Scenario, type ScenarioFile, type ScenarioInput, type Strategy } from './schema.js';
import { ScenarioError, pathToString, type PathIssue } from './errors.js';
import { toPathIssues } from './issues.js';
import { cloneData, deepMerge, isPlainObject } from './merge.js';

const META_KEYS = ['label', 'description'];
const SCENARIO_ONLY_KEYS = Object.keys(scenarioSchema.shape).filter((k) => !(SECTION_KEYS as string[]).includes(k));
const BASELINE = 'baseline';

export interface Resolution {
  scenario?: Scenario;
  issues: PathIssue[];
}

/**
 * Resolves the baseline (top-level sections) and every strategy (deep merge over the baseline),
 * collecting every issue instead of stopping at the first. `order` lists strategy names in file
 * order; a JS object would put all-digit names such as `2024` first.
 */
export function resolveScenario(file: ScenarioFile, order?: readonly string[]): Resolution {
  const base = resolveBaseline(file);
  const rest = resolveStrategies(file.strategies, base.params, order);
  const issues = [...base.issues, ...rest.issues];
  if (issues.length > 0 || !base.params) return { issues };
  const entry = file.strategies[BASELINE];
  const baseline: Strategy = { name: BASELINE, label: entry?.label ?? file.baselineLabel, description: entry?.description ?? '', params: base.params };
  const { name, description, seed, days, replications } = file;
  return { issues: [], scenario: { name, description, seed, days, replications, strategies: [baseline, ...rest.list] } };
}

/** Like resolveScenario, but throws a ScenarioError (without file positions) when anything is wrong. */
export function normalize(file: ScenarioFile, order?: readonly string[]): Scenario {
  const { scenario, issues } = resolveScenario(file, order);
  if (scenario) return scenario;
  throw new ScenarioError(issues.map((i) => ({ file: '<scenario>', line: 0, column: 0, path: pathToString(i.path), message: i.message, suggestion: i.suggestion })));
}

/** The top-level parameter sections parsed as the baseline, including the cross-field checks. */
export function resolveBaseline(file: Record<string, unknown>): { params?: Params; issues: PathIssue[] } {
  const sections: Record<string, unknown> = {};
  for (const k of SECTION_KEYS) if (file[k] !== undefined) sections[k] = file[k];
  const r = paramsSchema.safeParse(sections, { reportInput: true });
  return r.success ? { params: r.data, issues: [] } : { issues: toPathIssues(r.error.issues, paramsSchema, sections) };
}

let defaults: Params | undefined;

/**
 * Resolves the named strategies over `baseline`. Without a valid baseline the overrides are still
 * checked on their own (over the defaults), keeping only issues that do not depend on the baseline
 * (cross-field 'custom' checks do), so one run reports problems in both places.
 */
export function resolveStrategies(entries: Record<string, unknown>, baseline: Params | undefined, order?: readonly string[]): { list: Strategy[]; issues: PathIssue[] } {
  const over = baseline ?? (defaults ??= paramsSchema.parse({}));
  const names = [...(order ?? []).filter((n) => Object.hasOwn(entries, n)), ...Object.keys(entries).filter((n) => !order?.includes(n))];
  const list: Strategy[] = [];
  const issues: PathIssue[] = [];
  for (const name of names) {
    const entry = entries[name];
    if (!isPlainObject(entry)) continue; // the scenario schema reports it
    const overrides = Object.keys(entry).filter((k) => !META_KEYS.includes(k));
    if (name === BASELINE) {
      issues.push(...overrides.map((k) => ({ path: ['strategies', BASELINE, k], atKey: true, code: 'scenario', message: `the baseline may only set label and description here: the baseline is defined by the top-level sections (move \`${k}\` to the top level, or into a named strategy)` })));
      continue;
    }
    const r = resolveStrategy(name, entry, over);
    issues.push(...(baseline ? r.issues : r.issues.filter((i) => i.code !== 'custom')));
    if (r.params) list.push({ name, label: str(entry.label) ?? name, description: str(entry.description) ?? '', params: r.params });
  }
  return { list, issues };
}

/** One strategy: its overrides (all keys but label/description) merged over the baseline and checked again. */
export function resolveStrategy(name: string, entry: Record<string, unknown>, baseline: Params): { params?: Params; issues: PathIssue[] } {
  const override: Record<string, unknown> = {};
  for (const k of Object.keys(entry)) if (!META_KEYS.includes(k)) override[k] = entry[k];
  const merged = deepMerge(baseline, override);
  const r = paramsSchema.safeParse(merged, { reportInput: true });
  if (r.success) return { params: r.data, issues: [] };
  const raw = toPathIssues(r.error.issues, paramsSchema, merged, { extraRootKeys: META_KEYS, unknownKeyHint: scenarioKeyHint });
  const lead = `strategy \`${name}\` (its overrides merged over the baseline) is invalid`;
  return {
    issues: raw.map((i) => {
      // Point into the override where the user wrote something; the rest of the path came from the baseline.
      const prefix = existingPrefix(override, i.path);
      const whole = prefix.length === i.path.length;
      const message = whole ? `${lead}: ${i.message}` : `${lead}: ${pathToString(i.path)}: ${i.message}`;
      return { ...i, path: ['strategies', name, ...prefix], atKey: whole && i.atKey, message };
    }),
  };
}

function scenarioKeyHint(parent: readonly PropertyKey[], key: string): string | undefined {
  if (parent.length > 0 || !SCENARIO_ONLY_KEYS.includes(key)) return undefined;
  return `\`${key}\` is a scenario-wide setting, the same for every strategy: set it at the top level`;
}

function existingPrefix(data: unknown, path: readonly (string | number)[]): (string | number)[] {
  const out: (string | number)[] = [];
  let v = data;
  for (const seg of path) {
    if (!isPlainObject(v) && !Array.isArray(v)) break;
    if (!Object.hasOwn(v, seg)) break;
    out.push(seg);
    v = (v as Record<string | number, unknown>)[seg];
  }
  return out;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * Writes a resolved scenario in the file format with every default spelled out and each strategy's
 * complete parameters as its overrides, so `normalize(scenarioSchema.parse(toScenarioFile(s)))`
 * deep-equals `s`. Manifests store this so every output can be re-run.
 */
export function toScenarioFile(s: Scenario): ScenarioInput {
  const [base, ...rest] = s.strategies;
  if (!base || base.name !== BASELINE) throw new Error(`toScenarioFile: the first strategy must be "${BASELINE}", got ${base ? `"${base.name}"` : 'none'}`);
  const strategies: Record<string, Record<string, unknown>> = {};
  if (base.description !== '') strategies[BASELINE] = { description: base.description };
  for (const st of rest) strategies[st.name] = { label: st.label, description: st.description, ...cloneData(st.params) };
  const { name, description, seed, days, replications } = s;
  return { name, description, seed, days, replications, ...cloneData(base.params), baselineLabel: base.label, strategies } as ScenarioInput;
}
