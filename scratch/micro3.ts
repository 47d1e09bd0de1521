import { paramsSchema } from '../src/scenario/schema.ts';
import { compileParams } from '../src/model/config.ts';
import { createPopulation, CUSTOMER, type Population } from '../src/model/population.ts';
import { stream } from '../src/engine/streams.ts';
const params = paramsSchema.parse({ market: { size: 100000, initialCustomers: 20000 } });
const cfg = compileParams(params);
const pop = createPopulation(cfg, stream(1, 'a'), stream(1, 'b'));
function v1(pop: Population, day: number) {
  const { state, joinDay, margin, initialCohort } = pop;
  let revenue = 0, cohort = 0, paying = 0;
  for (let i = 0, n = pop.n; i < n; i++) {
    if (state[i] !== CUSTOMER || joinDay[i] === day) continue;
    const m = margin[i]; revenue += m; paying++;
    if (initialCohort[i] === 1) cohort += m;
  }
  return revenue + cohort + paying;
}
function v2(pop: Population, day: number) {
  const { state, joinDay, margin } = pop;
  let revenue = 0;
  for (let i = 0, n = pop.n; i < n; i++) {
    if (state[i] !== CUSTOMER) continue;
    revenue += margin[i];
  }
  return revenue;
}
function v3(pop: Population, day: number) {
  const state = pop.state; let c = 0;
  for (let i = 0, n = pop.n; i < n; i++) if (state[i] === 1) c++;
  return c;
}
// random state distribution copy
const pop2 = { ...pop, state: new Uint8Array(pop.n) };
for (let i = 0; i < pop.n; i++) pop2.state[i] = Math.random() < 0.2 ? 1 : 0;
for (const [name, f, p] of [['v1', v1, pop], ['v2', v2, pop], ['v3', v3, pop], ['v1-rand', v1, pop2], ['v3-rand', v3, pop2]] as const) {
  let s = 0; const t = performance.now(); for (let d = 0; d < 730; d++) s += f(p as Population, d);
  console.log(name, ((performance.now() - t) / 730 / 1e5 * 1e6).toFixed(2), 'ns/agent');
}
import { runEconomics } from '../src/model/economics.ts';
import { newTally } from '../src/model/tally.ts';
const tally = newTally(); const acc = { payingDays: 0, cohortValue: 0 };
for (let rep = 0; rep < 2; rep++) {
let t = performance.now();
for (let d = 1; d <= 730; d++) runEconomics(pop, cfg, tally, acc, d);
console.log('runEconomics', ((performance.now() - t) / 730 / 1e5 * 1e6).toFixed(2));
t = performance.now(); let s = 0;
for (let d = 1; d <= 730; d++) s += v1(pop, d);
console.log('v1 again', ((performance.now() - t) / 730 / 1e5 * 1e6).toFixed(2));
}
