import { loadScenario } from '../src/scenario/load.ts';
import { compileParams } from '../src/model/config.ts';
import { createPopulation } from '../src/model/population.ts';
import { newWom, talk } from '../src/model/wom.ts';
import { simpleDesk } from '../src/model/service/simpleDesk.ts';
import { newTally } from '../src/model/tally.ts';
import { stream } from '../src/engine/streams.ts';
import { episodeScore } from '../src/model/episodes.ts';
import { remember } from '../src/model/recovery.ts';
const sc = loadScenario('scenarios/bass.yaml');
const params = { ...sc.strategies[1].params, market: { ...sc.strategies[1].params.market, initialCustomers: 100000 } };
const cfg = compileParams(params);
const pop = createPopulation(cfg, stream(1, 'a'), stream(1, 'b'));
const c: any = { pop, cfg, wom: newWom(null, 10), desk: simpleDesk(cfg, cfg.n), tally: newTally(), day: 1, rng: { episodes: stream(1, 'e'), wom: stream(1, 'w') } };
function A(i: number) { const r = episodeScore(cfg, cfg.segAsExpected[pop.segment[i]], c.rng.episodes); return r.score; }
function B(i: number) { remember(pop, cfg, i, 8); }
function C(i: number) { talk(pop, cfg, c.wom, c.tally, c.rng.wom, i, 8); }
function D(i: number) { c.tally.episodes++; c.tally.symbolCost += cfg.symbolCostPerEpisode; }
function E(i: number) { pop.trust[i] = Math.min(1, pop.trust[i] + cfg.trustGoodGain); }
for (let k = 0; k < 3; k++) for (const [name, f] of [['episodeScore', A], ['remember', B], ['talk', C], ['tally', D], ['trust', E]] as const) {
  const t = performance.now(); let s = 0; for (let d = 0; d < 20; d++) for (let i = 0; i < 100000; i++) s += (f(i) as any) ?? 0;
  console.log(name.padEnd(14), ((performance.now() - t) / 20 / 1e5 * 1e6).toFixed(1), 'ns');
}
