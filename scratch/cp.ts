import { loadScenario } from '../src/scenario/load.ts';
import { compileParams } from '../src/model/config.ts';
import { createPopulation } from '../src/model/population.ts';
import { newWom } from '../src/model/wom.ts';
import { simpleDesk } from '../src/model/service/simpleDesk.ts';
import { newTally } from '../src/model/tally.ts';
import { stream } from '../src/engine/streams.ts';
import { customerPass } from '../src/engine/day.ts';
import { runEpisode } from '../src/model/episodes.ts';
const sc = loadScenario('scenarios/bass.yaml');
const params = { ...sc.strategies[1].params, market: { ...sc.strategies[1].params.market, initialCustomers: 100000 } };
const cfg = compileParams(params);
const pop = createPopulation(cfg, stream(1, 'a'), stream(1, 'b'));
const c: any = { pop, cfg, wom: newWom(null, 10), desk: simpleDesk(cfg, cfg.n), tally: newTally(), day: 1, rng: { episodes: stream(1, 'e'), wom: stream(1, 'w'), churn: stream(1, 'c'), retention: stream(1, 'r'), service: stream(1, 's'), adoption: stream(1, 'ad') } };
const leavers = new Int32Array(cfg.n);
for (let k = 0; k < 5; k++) {
  let t = performance.now(); for (let d = 0; d < 20; d++) customerPass(c, leavers);
  const a = (performance.now() - t) / 20 / 1e5 * 1e6;
  t = performance.now(); for (let d = 0; d < 20; d++) for (let i = 0; i < 100000; i++) runEpisode(c, i);
  const b = (performance.now() - t) / 20 / 1e5 * 1e6;
  console.log('customerPass', a.toFixed(1), 'ns/customer; runEpisode alone', b.toFixed(1));
}
