import { loadScenario } from '../src/scenario/load.ts';
import { simulate } from '../src/engine/simulate.ts';
const sc = loadScenario('scenarios/bass.yaml');
for (const st of sc.strategies) {
  const t = performance.now();
  const r = simulate({ strategy: st.name, params: st.params, seed: sc.seed, replication: 0, days: sc.days });
  const dt = performance.now() - t;
  const N = st.params.market.size; let F = 0, maxdev = 0; const p = 0.01, q = 0.3;
  for (let d = 1; d <= 100; d++) { F = F + (1 - F) * (p + q * F); maxdev = Math.max(maxdev, Math.abs(r.series.customers[d] / N - F)); }
  console.log(st.name, dt.toFixed(0), 'ms', [10, 20, 30].map((d) => (r.series.customers[d] / N).toFixed(3)), 'maxdev vs recurrence', maxdev.toFixed(4));
}
