import { loadScenario } from '../src/scenario/load.ts';
import { simulate, networkFor } from '../src/engine/simulate.ts';
import { bassNetwork, bassMixed } from '../bench/reference.ts';
import { stream } from '../src/engine/streams.ts';
const sc = loadScenario('scenarios/bass.yaml');
const st = sc.strategies[0], mx = sc.strategies[1];
const csr = networkFor(st.params, 1, 0)!;
for (let k = 0; k < 3; k++) {
  let t = performance.now(); simulate({ strategy: 'x', params: st.params, seed: 1, replication: 0, days: 100, network: csr }); const eng = performance.now() - t;
  t = performance.now(); bassNetwork(csr, { p: 0.01, q: 0.3, steps: 100 }, stream(1, 'ref')); const ref = performance.now() - t;
  t = performance.now(); simulate({ strategy: 'x', params: mx.params, seed: 1, replication: 0, days: 100 }); const engm = performance.now() - t;
  t = performance.now(); bassMixed(100000, { p: 0.01, q: 0.3, steps: 100 }, stream(1, 'ref')); const refm = performance.now() - t;
  console.log(`network engine ${eng.toFixed(0)}ms ref ${ref.toFixed(0)}ms ratio ${(ref/eng).toFixed(2)} | mixed engine ${engm.toFixed(0)} ref ${refm.toFixed(0)} ratio ${(refm/engm).toFixed(2)}`);
}
