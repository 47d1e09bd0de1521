const n = 100000;
const state = new Uint8Array(n); const s32 = new Float32Array(n), t32 = new Float32Array(n), d32 = new Float32Array(n);
const s64 = new Float64Array(n), t64 = new Float64Array(n), d64 = new Float64Array(n);
for (let i = 0; i < n; i++) { state[i] = Math.random() < 0.7 ? 1 : 0; s64[i] = s32[i] = 7 + Math.random(); t64[i] = t32[i] = Math.random(); d64[i] = d32[i] = Math.random() * 2 - 1; }
function f(S: Float32Array | Float64Array, T: Float32Array | Float64Array, D: Float32Array | Float64Array, round: boolean) {
  let c = 0, pr = 0, de = 0, sS = 0;
  for (let i = 0; i < n; i++) {
    if (state[i] !== 1) continue;
    c++; const s = S[i]; sS += s;
    const x = s + 2 * (T[i] - 0.5) + D[i];
    const l = round ? Math.round(x) : x;
    if (l >= 9) pr++; else if (l <= 6) de++;
  }
  return c + pr + de + sS;
}
function g32(round: boolean) { let c = 0, pr = 0, de = 0, sS = 0;
  for (let i = 0; i < n; i++) { if (state[i] !== 1) continue; c++; const s = s32[i]; sS += s; const x = s + 2 * (t32[i] - 0.5) + d32[i]; const l = round ? Math.round(x) : x; if (l >= 9) pr++; else if (l <= 6) de++; }
  return c + pr + de + sS; }
function g64(round: boolean) { let c = 0, pr = 0, de = 0, sS = 0;
  for (let i = 0; i < n; i++) { if (state[i] !== 1) continue; c++; const s = s64[i]; sS += s; const x = s + 2 * (t64[i] - 0.5) + d64[i]; const l = round ? Math.round(x) : x; if (l >= 9) pr++; else if (l <= 6) de++; }
  return c + pr + de + sS; }
const cases: [string, () => number][] = [
  ['mono f32 round', () => g32(true)], ['mono f32 noround', () => g32(false)],
  ['mono f64 round', () => g64(true)], ['mono f64 noround', () => g64(false)],
  ['poly f32 round', () => f(s32, t32, d32, true)], ['poly f64 round', () => f(s64, t64, d64, true)],
];
for (let rep = 0; rep < 2; rep++) for (const [name, fn] of cases) {
  let s = 0; const t = performance.now(); for (let d = 0; d < 100; d++) s += fn(); const dt = performance.now() - t;
  console.log(name.padEnd(18), (dt / 100 / n * 1e6).toFixed(2), 'ns');
}
