/** A small scenario with a hostile strategy name, simulated in-process and written as a real output folder (report.html included). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScenario } from '../../src/experiments/networkCache.js';
import { buildManifest, hashFiles } from '../../src/outputs/manifest.js';
import { writeManifest, writeOutputs } from '../../src/outputs/write.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { toScenarioFile } from '../../src/scenario/normalize.js';
import type { Scenario } from '../../src/scenario/schema.js';

export const HOSTILE = '<script>alert("pwned")</script> & "friends"';

export const SCENARIO_TEXT = [
  'name: Browser test <b>market</b>',
  'description: Small market for the browser tests; names & descriptions must show as text.',
  'seed: 5',
  'days: 40',
  'replications: 3',
  'market: { size: 600, initialCustomers: 200 }',
  'acquisition: { spendPerDay: 300 }',
  'economics: { currency: CHF }',
  'strategies:',
  '  promo:',
  '    label: Marketing push',
  '    description: Twice the marketing.',
  '    acquisition: { spendPerDay: 600 }',
  '  hostile:',
  `    label: '${HOSTILE}'`,
  `    description: '<img src=x onerror="alert(1)"> fixes the basics'`,
  '    journey: { frustrationRate: 0.02 }',
  '',
].join('\n');

export async function writeFixtureFolder(): Promise<{ dir: string; scenario: Scenario }> {
  const scenario = parseScenarioText(SCENARIO_TEXT, 'browser.yaml');
  const dir = join(mkdtempSync(join(tmpdir(), 'cxsim-browser-')), 'compare');
  const results = runScenario(scenario);
  const draft = buildManifest({ scenarioFile: toScenarioFile(scenario), command: ['compare', 'browser.yaml'], cxsimVersion: '0.0.0-test', seed: scenario.seed, replications: scenario.replications, days: scenario.days, strategies: scenario.strategies.map((s) => s.name) });
  const { files } = await writeOutputs({ dir, scenario, results, manifest: draft });
  await writeManifest(dir, { ...draft, files: await hashFiles(dir, files) });
  writeFileSync(join(dir, 'scenario.yaml'), SCENARIO_TEXT);
  return { dir, scenario };
}
