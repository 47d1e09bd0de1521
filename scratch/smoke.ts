import { paramsSchema } from '../src/scenario/schema.ts';
import { simulate } from '../src/engine/simulate.ts';
const params = paramsSchema.parse({});
const t = performance.now();
const r = simulate({ strategy: 'b', params, seed: 1, replication: 0, days: 365 });
console.log('ms', (performance.now() - t).toFixed(0));
for (const k of ['customers','prospects','churned','satisfaction','trust','nps','promoters','detractors','acquired','acquiredWom','acquiredMarketing','lost','problems','complaintsVoiced','complaintsHeard','womPositive','womNegative','revenue','cumulativeProfit']) {
  const s = (r.series as any)[k]; let sum=0; for (let d=1; d<s.length; d++) sum+=s[d];
  console.log(k.padEnd(18), 'd0', s[0].toFixed(2).padStart(10), 'd365', s[365].toFixed(2).padStart(10), 'sum', sum.toFixed(1));
}
console.log(r.totals);
