import { loadScenario } from '../src/scenario/load.ts';
import { networkFor } from '../src/engine/simulate.ts';
import { stream } from '../src/engine/streams.ts';
import { compileParams, UNRESOLVED } from '../src/model/config.ts';
import { createPopulation } from '../src/model/population.ts';
import { newWom, talk } from '../src/model/wom.ts';
import { simpleDesk } from '../src/model/service/simpleDesk.ts';
import { newChurnScratch, runChurn } from '../src/model/churn.ts';
import { newTally, resetTally } from '../src/model/tally.ts';
import { emptySeries } from '../src/model/metrics.ts';
import { runEpisodes } from '../src/model/episodes.ts';
import { runAdoption } from '../src/model/adoption.ts';
import { runEconomics } from '../src/model/economics.ts';
import { observe } from '../src/model/observe.ts';
import { applyOutcome } from '../src/model/recovery.ts';
const sc = loadScenario('scenarios/bass.yaml');
for (const st of sc.strategies) {
  const params = st.params; const seed = 1, rep = 0, days = 100;
  const cfg = compileParams(params);
  const csr = networkFor(params, seed, rep);
  const pop = createPopulation(cfg, stream(seed, 'rep', rep, 'population'), stream(seed, 'rep', rep, 'initial'));
  const wom = newWom(csr, params.wom.network.meanDegree);
  const desk = simpleDesk(cfg, cfg.n); const scratch = newChurnScratch(cfg.n); const tally = newTally(); const series = emptySeries(days);
  const acc = { payingDays: 0, cohortValue: 0 };
  const T: Record<string, number> = {};
  const tm = (k: string, f: () => void) => { const t = performance.now(); f(); T[k] = (T[k] ?? 0) + performance.now() - t; };
  for (let day = 1; day <= days; day++) {
    const s = (p: string) => stream(seed, 'rep', rep, 'day', day, p);
    resetTally(tally); const womRng = s('wom');
    tm('episodes', () => runEpisodes(pop, cfg, wom, desk, tally, s('episodes'), womRng, day));
    tm('desk', () => desk.step(day, s('service'), (i, sev, bad, o) => { const sc = applyOutcome(pop, cfg, i, sev, bad, o); talk(pop, cfg, wom, tally, womRng, i, sc, day); }));
    tm('adoption', () => runAdoption(pop, cfg, wom, tally, s('adoption'), day));
    tm('churn', () => runChurn(pop, cfg, scratch, tally, s('churn'), s('retention'), day));
    let led: any; tm('economics', () => { led = runEconomics(pop, cfg, tally, acc, day); });
    tm('observe', () => observe(pop, cfg, tally, led, series, day));
  }
  console.log(st.name, Object.entries(T).map(([k, v]) => `${k} ${v.toFixed(0)}ms`).join(' | '));
}
