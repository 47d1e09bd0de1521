/** Prints network build times at 100k and 1M agents (npx tsx test/model/network/bench.ts); a script, not a test. */
import seedrandom from 'seedrandom';
import { barabasiAlbert, meanDegree, wattsStrogatz, type Csr } from '../src/model/network/index.js';

const RUNS = 3;

const time = (label: string, build: (seed: string) => Csr): void => {
  const ms: number[] = [];
  let g: Csr | undefined;
  for (let r = 0; r < RUNS; r++) {
    g = undefined; // let the previous graph be collected before timing the next
    const t0 = performance.now();
    g = build(`bench-${r}`);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const fmt = (x: number) => x.toFixed(0).padStart(5);
  console.log(`${label.padEnd(34)} median ${fmt(ms[RUNS >> 1])} ms  (min ${fmt(ms[0])}, max ${fmt(ms[RUNS - 1])})  mean degree ${meanDegree(g!).toFixed(4)}`);
};

for (const n of [100_000, 1_000_000]) {
  for (const beta of [0.1, 1]) time(`wattsStrogatz n=${n} k=10 β=${beta}`, (s) => wattsStrogatz(n, 10, beta, seedrandom.alea(s)));
  time(`barabasiAlbert n=${n} k=10`, (s) => barabasiAlbert(n, 10, seedrandom.alea(s)));
}
