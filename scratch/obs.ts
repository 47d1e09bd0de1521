import { paramsSchema } from '../src/scenario/schema.ts';
import { compileParams } from '../src/model/config.ts';
import { createPopulation, CUSTOMER, PROSPECT, CHURNED, type Population } from '../src/model/population.ts';
import { stream } from '../src/engine/streams.ts';
import { observe } from '../src/model/observe.ts';
import { newTally } from '../src/model/tally.ts';
import { emptySeries } from '../src/model/metrics.ts';
const params = paramsSchema.parse({ market: { size: 100000, initialCustomers: 70000 } });
const cfg = compileParams(params);
const pop = createPopulation(cfg, stream(1, 'a'), stream(1, 'b'));
const tally = newTally(); const series = emptySeries(200);
const led = { revenue: 0, acquisitionCost: 0, retentionCost: 0, symbolCost: 0, fixedCost: 0, profit: 0 };
function inline(pop: Population) {
  const { state, satisfaction, trust, disposition } = pop; const w = cfg.ltrTrustWeight, t0 = cfg.trust0;
  let c = 0, pr = 0, de = 0, sS = 0, sT = 0;
  for (let i = 0, n = pop.n; i < n; i++) {
    if (state[i] !== CUSTOMER) continue;
    c++; const s = satisfaction[i], t = trust[i]; sS += s; sT += t;
    const l = Math.round(s + w * (t - t0) + disposition[i]);
    if (l >= 9) pr++; else if (l <= 6) de++;
  }
  return c + pr + de + sS + sT;
}
for (let rep = 0; rep < 3; rep++) {
  let t = performance.now(); for (let d = 1; d <= 100; d++) observe(pop, cfg, tally, led, series, d);
  const a = performance.now() - t;
  t = performance.now(); let s = 0; for (let d = 1; d <= 100; d++) s += inline(pop);
  const b = performance.now() - t;
  console.log('observe', (a / 100 / 1e5 * 1e6).toFixed(2), 'ns/agent; inline', (b / 100 / 1e5 * 1e6).toFixed(2));
}
