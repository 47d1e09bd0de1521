import { loadScenario } from '../src/scenario/load.ts';
import { simulate } from '../src/engine/simulate.ts';
const sc = loadScenario('scenarios/bass.yaml');
const mx = sc.strategies[1];
for (let k = 0; k < 4; k++) { const t = performance.now(); simulate({ strategy: 'x', params: mx.params, seed: 1, replication: 0, days: 100 }); console.log((performance.now() - t).toFixed(0)); }
