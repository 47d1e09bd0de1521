/**
 * Times the default workload on the engine of another checkout (e.g. the commit before the
 * model-core refactor, checked out by bench/run.ts in a temporary worktree): imports that
 * checkout's own scenario loader and engine, scales the scenario the same way, prints one JSON
 * line. Usage: tsx bench/baseline.ts <checkout root> <customers> <days>
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { scaledDefault } from './scale.js';

const [root, customersArg, daysArg] = process.argv.slice(2);
const load = (path: string) => import(pathToFileURL(join(root, path)).href);
const { loadScenario } = await load('src/scenario/load.ts');
const { deepMerge } = await load('src/scenario/merge.ts');
const { networkFor, simulate } = await load('src/engine/simulate.ts');

const customers = Number(customersArg), days = Number(daysArg);
const params = scaledDefault(loadScenario(join(root, 'scenarios/default.yaml')).strategies[0].params, customers, deepMerge);
const network = networkFor(params, 1, 0);
let start = 0;
const r = simulate({ strategy: 'bench', params, seed: 1, replication: 0, days, network, onReady: () => { start = performance.now(); } });
const seconds = (performance.now() - start) / 1000;
let customerDays = 0;
for (let d = 1; d <= days; d++) customerDays += r.series.customers[d - 1];
console.log(JSON.stringify({ seconds, customerDays, marketSize: params.market.size, peakRssMiB: process.resourceUsage().maxRSS / 1024 }));
