import { CUSTOMER } from '../src/model/population.ts';
const n = 100000;
const state = new Uint8Array(n), joinDay = new Int32Array(n), margin = new Float32Array(n), coh = new Uint8Array(n);
for (let i = 0; i < n; i++) { state[i] = Math.random() < 0.2 ? 1 : 0; margin[i] = Math.random(); }
function a(day: number) { let r = 0; for (let i = 0; i < n; i++) { if (state[i] !== CUSTOMER || joinDay[i] === day) continue; r += margin[i]; if (coh[i] === 1) r += 1; } return r; }
const C = 1;
function b(day: number) { let r = 0; for (let i = 0; i < n; i++) { if (state[i] !== C || joinDay[i] === day) continue; r += margin[i]; if (coh[i] === 1) r += 1; } return r; }
const pop = { n, state, joinDay, margin, coh };
function c(p: typeof pop, day: number) { const { state, joinDay, margin, coh } = p; let r = 0; for (let i = 0; i < p.n; i++) { if (state[i] !== CUSTOMER || joinDay[i] === day) continue; r += margin[i]; if (coh[i] === 1) r += 1; } return r; }
for (const [name, f] of [['imported', a], ['local', b], ['pop.n', (d: number) => c(pop, d)]] as const) {
  let s = 0; const t = performance.now(); for (let d = 0; d < 730; d++) s += f(d); const dt = performance.now() - t;
  console.log(name, (dt / 730 / n * 1e6).toFixed(2), 'ns/agent', s > 0);
}
