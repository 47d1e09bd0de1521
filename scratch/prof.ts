import { paramsSchema } from '../src/scenario/schema.ts';
import { simulate } from '../src/engine/simulate.ts';
const params = paramsSchema.parse({ market: { size: 100000, initialCustomers: 20000 } });
for (let k = 0; k < 2; k++) {
const t = performance.now();
const r = simulate({ strategy: 'b', params, seed: 1, replication: k, days: 365 });
console.log('ms', (performance.now() - t).toFixed(0), r.series.customers[365]);
}
