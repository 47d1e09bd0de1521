import { loadScenario } from '../src/scenario/load.ts';
import { compileParams } from '../src/model/config.ts';
import { createPopulation, CUSTOMER } from '../src/model/population.ts';
import { newWom } from '../src/model/wom.ts';
import { simpleDesk } from '../src/model/service/simpleDesk.ts';
import { newTally } from '../src/model/tally.ts';
import { stream } from '../src/engine/streams.ts';
import { customerPass } from '../src/engine/day.ts';
const sc = loadScenario('scenarios/bass.yaml');
const params = { ...sc.strategies[1].params, market: { ...sc.strategies[1].params.market, initialCustomers: 100000 } };
const cfg = compileParams(params);
const pop = createPopulation(cfg, stream(1, 'a'), stream(1, 'b'));
const c: any = { pop, cfg, wom: newWom(null, 10), desk: simpleDesk(cfg, cfg.n), tally: newTally(), day: 1, rng: { episodes: stream(1, 'e'), wom: stream(1, 'w'), churn: stream(1, 'c'), retention: stream(1, 'r'), service: stream(1, 's'), adoption: stream(1, 'ad') } };
const leavers = new Int32Array(cfg.n);
function inlined() {
  const { state, satisfaction, trust, segment, talkativeness, jump } = pop;
  const w = cfg.memoryWeight; let ep = 0, pos = 0, cnt = 0;
  for (let i = 0, n = pop.n; i < n; i++) {
    if (state[i] !== CUSTOMER) continue;
    ep++;
    const score = Math.min(10, cfg.segAsExpected[segment[i]] * 1);
    satisfaction[i] += w * (score - satisfaction[i]);
    if (score >= cfg.neutralScore) trust[i] = Math.min(1, trust[i] + cfg.trustGoodGain);
    const p = talkativeness[i] * (cfg.talkBase + cfg.talkPositive * (score - 7) / 3 + cfg.conversationValue);
    if (p >= 1) pos += 10;
    const h = jump[i];
    if (h > 0) cnt++;
  }
  c.tally.episodes += ep; c.tally.womPositive += pos;
  return cnt;
}
const mode = process.argv[2];
for (let k = 0; k < 5; k++) {
  const t = performance.now(); for (let d = 0; d < 20; d++) mode === 'inline' ? inlined() : customerPass(c, leavers);
  console.log(mode, ((performance.now() - t) / 20 / 1e5 * 1e6).toFixed(1), 'ns/customer');
}
